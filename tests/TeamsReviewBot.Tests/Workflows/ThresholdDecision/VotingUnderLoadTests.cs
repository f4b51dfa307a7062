using System.Collections.Concurrent;
using System.Diagnostics;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using Xunit.Abstractions;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>
/// A few seconds of load while storage misbehaves: 40 cases, three partners each pressing "Cast my
/// vote" twice (a double click, or Teams retrying), 40 presses at a time through /api/messages,
/// with 4% of storage calls timing out after storing or refused with 503. Afterwards no answer
/// contradicts the stream, no vote is doubled, and every decided case emails its referrer once.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class VotingUnderLoadTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cases = 40;
    private const int AtOnce = 40;
    private static readonly Person[] Voters = [Lola, Pat, Hana];
    private static readonly string[] Denials = ["not recorded", "not counted", "nothing was recorded"];

    private readonly StorageFaults _faults = new();
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, services: _faults.Into(azurite.ConnectionString));
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Under_load_with_storage_timeouts_no_answer_contradicts_the_stream_no_vote_is_doubled_and_every_decision_is_emailed()
    {
        var codes = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            codes.Add(await _bot.ReferAsync(Bea));
        }

        // Where each case's card is, read before storage starts failing: the presses below are
        // what Teams sends, and only the bot reads storage while they run.
        var threads = new Dictionary<string, PanelThreadOpened>();
        foreach (var code in codes)
        {
            threads[code] = (await _bot.CaseAsync(code)).Thread!;
        }

        var clicks = codes.SelectMany(code => Voters.SelectMany(voter => new[] { (code, voter), (code, voter) }))
            .OrderBy(_ => Random.Shared.Next()).ToList();
        var answers = new ConcurrentBag<(string Code, Person Voter, string Text, int Status)>();
        using var gate = new SemaphoreSlim(AtOnce);
        _faults.Flaky(0.04);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clicks.Select(async click =>
        {
            await gate.WaitAsync();
            try
            {
                var answer = await PressVoteAsync(click.voter, click.code, threads[click.code]);
                answers.Add((click.code, click.voter, PanelBot.Words(answer["value"]), answer["statusCode"]!.GetValue<int>()));
            }
            finally
            {
                gate.Release();
            }
        }));
        watch.Stop();
        _faults.Calm();
        var faults = _faults.Fired;

        // Every press was answered, with words.
        Assert.Equal(clicks.Count, answers.Count);
        Assert.All(answers, a => Assert.False(string.IsNullOrWhiteSpace(a.Text)));

        // No answer denies a vote the stream holds, and no vote is stored twice.
        var streams = new Dictionary<string, IReadOnlyList<global::TeamsReviewBot.Process.Streams.StoredEvent>>();
        foreach (var code in codes)
        {
            streams[code] = await _bot.StreamAsync(code);
        }

        foreach (var (code, voter, text, _) in answers)
        {
            var held = streams[code].Where(e => e.Type == CaseEventTypes.VoteCast).Select(e => CaseJson.Read<VoteCast>(e.Data)).Count(v => v.Actor.ObjectId == voter.AadObjectId);
            Assert.True(held <= 1, $"{voter.Name}'s vote on {code} is stored {held} times");
            if (held == 1)
            {
                Assert.DoesNotContain(Denials, d => text.Contains(d, StringComparison.OrdinalIgnoreCase));
            }
        }

        // Those told "could not be confirmed" press again, as the answer asks, once storage is calm.
        var unconfirmed = answers.Where(a => a.Text.Contains("could not be confirmed", StringComparison.Ordinal)).Select(a => (a.Code, a.Voter)).Distinct().ToList();
        foreach (var (code, voter) in unconfirmed)
        {
            await PressVoteAsync(voter, code, threads[code]);
        }

        // Every case is decided once, on three votes; the follow-ups cut short run in the
        // background, and whatever they left the timer pump carries out once their lease passes.
        foreach (var code in codes)
        {
            var stream = await _bot.StreamAsync(code);
            Assert.Single(stream, e => e.Type == CaseEventTypes.DecisionRecorded);
            var votes = stream.Where(e => e.Type == CaseEventTypes.VoteCast).Select(e => CaseJson.Read<VoteCast>(e.Data)).ToList();
            Assert.Equal(["health", "la", "police"], votes.Select(v => v.Seat).Order());
        }

        var emailed = await WaitForLettersAsync(codes, TimeSpan.FromSeconds(30));
        var afterBackground = emailed.Count;
        if (emailed.Count < codes.Count)
        {
            await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(3));
            emailed = await WaitForLettersAsync(codes, TimeSpan.FromSeconds(30));
        }

        Assert.Equal(codes.Order(), emailed.Keys.Order());
        Assert.All(emailed, e => Assert.Equal(1, e.Value));

        var kinds = answers.GroupBy(a => a.Text.Contains("could not be confirmed", StringComparison.Ordinal) ? "could not be confirmed"
            : a.Text.Contains("is recorded", StringComparison.Ordinal) ? "recorded (after a storage failure)"
            : a.Text.Contains("was counted", StringComparison.Ordinal) ? "counted (pressed after the decision)"
            : "card").Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"{clicks.Count} presses, {AtOnce} at a time, in {watch.Elapsed.TotalSeconds:F1} s with {faults} storage faults; answers: {string.Join(", ", kinds)}; {unconfirmed.Count} pressed again; {afterBackground} of {codes.Count} letters sent without the pump, the rest after it.");
    }

    private Task<System.Text.Json.Nodes.JsonObject> PressVoteAsync(Person voter, string code, PanelThreadOpened thread) =>
        _bot.InvokeAsync(voter, "vote", new System.Text.Json.Nodes.JsonObject
        {
            ["caseCode"] = code,
            ["abuseOrNeglect"] = "yes",
            ["deathOrSeriousHarm"] = "yes",
            ["inArea"] = "yes",
            ["notifiable"] = "yes",
            ["outcome"] = "rapid-review",
            ["rationale"] = $"{voter.Name}: serious harm, abuse suspected.",
        }, thread.ThreadId, thread.MessageId);

    /// <summary>How many letters each case's referrer was sent, once every case has one or the time is up.</summary>
    private async Task<Dictionary<string, int>> WaitForLettersAsync(List<string> codes, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var sent = await _bot.Graph.SentAsync(PanelBot.Mailbox);
            var letters = codes.ToDictionary(code => code, code => sent.Count(m => m.GetProperty("subject").GetString()!.Contains(code + ": threshold decision", StringComparison.Ordinal)))
                .Where(p => p.Value > 0).ToDictionary();
            if (letters.Count == codes.Count || DateTime.UtcNow > until)
            {
                return letters;
            }

            await Task.Delay(250);
        }
    }
}
