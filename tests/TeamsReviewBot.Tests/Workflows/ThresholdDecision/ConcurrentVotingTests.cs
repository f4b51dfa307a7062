using System.Diagnostics;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.ThresholdDecision;
using Xunit.Abstractions;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>Three partners and a deputy clicking at once, several times each, with Teams retrying
/// the same invoke: the tally comes out exact and the decision is made, and followed up, once.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ConcurrentVotingTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Simultaneous_clicks_and_retries_neither_lose_nor_double_a_vote_and_decide_once()
    {
        var code = await _bot.ReferAsync(Bea);
        var thread = (await _bot.CaseAsync(code)).Thread!;
        var voters = new[] { Lola, Pat, Hana, Dev };
        var clicks = new List<Task<(JsonObject Answer, TimeSpan Took)>>();
        using var start = new ManualResetEventSlim();
        foreach (var voter in voters)
        {
            for (var click = 0; click < 3; click++)
            {
                var activityId = Guid.NewGuid().ToString();
                // Each click, and Teams' retry of it with the same activity id.
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    clicks.Add(Task.Run(async () =>
                    {
                        start.Wait();
                        var watch = Stopwatch.StartNew();
                        var answer = await _bot.InvokeAsync(voter, "vote", new JsonObject
                        {
                            ["caseCode"] = code,
                            ["abuseOrNeglect"] = "yes",
                            ["deathOrSeriousHarm"] = "yes",
                            ["inArea"] = "yes",
                            ["notifiable"] = "yes",
                            ["outcome"] = "rapid-review",
                            ["rationale"] = $"{voter.Name}: serious harm, neglect suspected.",
                        }, thread.ThreadId, thread.MessageId, activityId);
                        return (answer, watch.Elapsed);
                    }));
                }
            }
        }

        start.Set();
        var answers = await Task.WhenAll(clicks);

        // Every click was answered with a card or a sentence, never an empty body.
        Assert.All(answers, a => Assert.Equal(200, a.Answer["statusCode"]!.GetValue<int>()));
        Assert.All(answers, a => Assert.False(string.IsNullOrWhiteSpace(PanelBot.Words(a.Answer["value"]))));

        var stream = await _bot.StreamAsync(code);
        var decided = Assert.Single(stream, e => e.Type == CaseEventTypes.DecisionRecorded);
        Assert.Equal("rapid-review", CaseJson.Read<DecisionRecorded>(decided.Data).Outcome);
        Assert.DoesNotContain(stream, e => e.Type == CaseEventTypes.VoteCast && e.Sequence > decided.Sequence);
        var votes = stream.Where(e => e.Type == CaseEventTypes.VoteCast).Select(e => CaseJson.Read<VoteCast>(e.Data)).ToList();
        // One vote per person at most (repeats add nothing), and exactly the three seats counted.
        Assert.All(votes.GroupBy(v => v.Actor.ObjectId), g => Assert.Single(g));
        Assert.Equal(["health", "la", "police"], votes.Select(v => v.Seat).Distinct().Order());
        var state = await _bot.CaseAsync(code);
        Assert.Equal(3, state.Votes.Count);
        Assert.All(state.Votes.Values, v => Assert.Equal("rapid-review", v.Outcome));

        await _bot.WaitForPersonalAsync(Bea, "National Panel");
        await _bot.WaitForSentMailAsync(code);
        await Task.Delay(500);
        stream = await _bot.StreamAsync(code);
        Assert.Single(stream, e => e.Type == CaseEventTypes.BusinessManagersNotified);
        Assert.Single(stream, e => e.Type == PanelEventTypes.ReferrerInformed);
        Assert.Single(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.Contains(code, StringComparison.Ordinal));
        Assert.Single(_bot.PersonalMessagesTo(Bea), m => m.Contains("threshold decision", StringComparison.Ordinal));

        var sorted = answers.Select(a => a.Took.TotalMilliseconds).Order().ToList();
        var slowest = answers.Max(a => a.Took);
        output.WriteLine($"{answers.Length} simultaneous vote invokes: median {sorted[sorted.Count / 2]:F0} ms, 90th percentile {sorted[(int)(sorted.Count * 0.9)]:F0} ms, slowest {slowest.TotalMilliseconds:F0} ms; {votes.Count} votes appended, {stream.Count} events on the stream.");
        // The figures are printed, not asserted: bench/ measures speed beside a bare Table write, and a
        // loaded machine must not fail a run whose votes were all counted once.
    }
}
