using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using Xunit.Abstractions;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>
/// What each click on a panel card costs in storage, before its reply (calls made while the request
/// is handled) and after it (the case's follow-up: its timers and index, the card edit, and for the
/// deciding vote the referrer's letter and the managers' notice), with 100 and then 2,000 timers and
/// index rows stored for other cases. The bot runs as deployed: follow-ups after the reply.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class VoteStorageCallsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Before_its_reply_a_click_costs_at_most_its_one_append_however_many_cases_and_timers_are_stored()
    {
        var counting = new RequestStorageCalls();
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        options.AddPolicy(counting, HttpPipelinePosition.PerRetry);
        options.AddPolicy(Recorded, HttpPipelinePosition.PerRetry);
        await using var bot = await PanelBot.StartAsync(
            azurite,
            "oldham",
            StatutoryPanel,
            new Dictionary<string, string?> { ["CaseFollowUps:RunBeforeReply"] = "false", ["Timers:PollInterval"] = "01:00:00" },
            services: s =>
            {
                s.AddSingleton(new TableServiceClient(azurite.ConnectionString, options));
                s.AddSingleton<IStartupFilter>(new CountStorageCallsPerRequest(counting));
            });
        await bot.PersonalInstallAsync(Bea);

        await StoreOtherCasesAsync(bot, 0, 100);
        var with100 = await ClicksAsync(bot, counting);
        await StoreOtherCasesAsync(bot, 100, 2000);
        var with2000 = await ClicksAsync(bot, counting);

        foreach (var (kind, few) in with100)
        {
            var many = with2000[kind];
            output.WriteLine($"{kind}: before the reply {few.Before} with 100 stored, {many.Before} with 2,000; after it {few.After} and {many.After}.");
        }

        // Before the reply: the vote's one append (the case is in memory, its follow-up row goes in
        // the same transaction); a repeat press or a refresh reads nothing; none of it grows with the table.
        Assert.Equal(1, with100["first vote"].Before);
        Assert.Equal(1, with100["second vote"].Before);
        Assert.Equal(0, with100["re-vote"].Before);
        Assert.Equal(0, with100["refresh"].Before);
        Assert.Equal(1, with100["deciding vote"].Before);
        foreach (var (kind, few) in with100)
        {
            Assert.Equal(few.Before, with2000[kind].Before);

            // After the reply the follow-up reads the case's own partition, never the whole table.
            Assert.InRange(with2000[kind].After, few.After - 1, few.After + 1);
        }

        // After a fresh vote: only the follow-up row deleted on the ETag its append returned. The
        // timers are not read: this instance's own reconcile at the version the vote was appended on
        // left them as the case still calls for. The case and the row are not read again, and the card
        // is edited from the follow-up itself. The first time a pending voter is named in the card's
        // refresh list their chat is looked up (the first round); then not for some minutes (the
        // second). A repeat or a refresh costs nothing after either.
        foreach (var kind in new[] { "first vote", "second vote" })
        {
            Assert.InRange(with100[kind].After, 1, 2);
            Assert.Equal(1, with2000[kind].After);
        }

        Assert.Equal(0, with100["re-vote"].After);
        Assert.Equal(0, with100["refresh"].After);

        // The deciding vote's follow-up: the timers read and moved, the decision window's timer with
        // them (two transactions), the index row replaced on the ETag this instance's last write of it
        // returned (no read), the case read once before the referrer's letter, the letter and the
        // managers' notice recorded, the row deleted; and the managers' chat looked up unless read
        // within the last minute. The timers are not read again for what the letter and the notice
        // owe: each was appended while this instance followed the case up, on a version whose timers
        // it knew, and called for no change.
        Assert.InRange(with100["deciding vote"].After, 8, 9);
        Assert.InRange(with2000["deciding vote"].After, 8, 9);
    }

    private async Task<Dictionary<string, Calls>> ClicksAsync(PanelBot bot, RequestStorageCalls counting)
    {
        var code = await bot.ReferAsync(Bea);
        await SettledAsync(bot, counting);
        var clicks = new Dictionary<string, Calls>(StringComparer.Ordinal)
        {
            ["first vote"] = await CountAsync(bot, counting, () => bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.")),
            ["second vote"] = await CountAsync(bot, counting, () => bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.")),
            ["re-vote"] = await CountAsync(bot, counting, () => bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.")),
            ["refresh"] = await CountAsync(bot, counting, () => bot.PressAsync(Hana, code, "refresh", automatic: true)),
            ["deciding vote"] = await CountAsync(bot, counting, () => bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.")),
        };
        await bot.WaitForSentMailAsync(code);
        return clicks;
    }

    private async Task<Calls> CountAsync(PanelBot bot, RequestStorageCalls counting, Func<Task> click)
    {
        Recorded.Clear();

        // The test's own read of the case (to address the card) is on this flow; the bot's calls are not.
        Recorded.Harness.Value = true;
        await click();
        Recorded.Harness.Value = false;
        var before = counting.LastRequest;
        await SettledAsync(bot, counting);
        var calls = Recorded.Calls;
        output.WriteLine(string.Join(Environment.NewLine, calls));
        output.WriteLine("--");
        var bots = calls.Count(c => !IsOtherBackgroundWork(c));
        return new Calls(before, bots - before);
    }

    /// <summary>The instance's own loops (a mailbox lock renewed, the notification queue polled),
    /// which may fall in the window after a click but are no part of it.</summary>
    private static bool IsOtherBackgroundWork(string call) =>
        call.Contains("MailboxSync", StringComparison.Ordinal) || call.Contains("MailNotifications", StringComparison.Ordinal) || call.Contains("Leases", StringComparison.Ordinal);

    private static readonly Recorder Recorded = new();

    /// <summary>Every storage call the bot makes, but those on the test's own flow.</summary>
    private sealed class Recorder : HttpPipelineSynchronousPolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _calls = new();

        public AsyncLocal<bool> Harness { get; } = new();

        public IReadOnlyList<string> Calls => [.. _calls];

        public void Clear() => _calls.Clear();

        public override void OnSendingRequest(HttpMessage message)
        {
            if (!Harness.Value)
            {
                _calls.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.ToUri().PathAndQuery)}");
            }
        }
    }

    /// <summary>Waits until the follow-ups are done and no storage call has been made for a while.</summary>
    private static async Task SettledAsync(PanelBot bot, RequestStorageCalls counting)
    {
        await bot.Services.GetRequiredService<PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var seen = counting.Total;
        for (var quiet = 0; quiet < 6;)
        {
            await Task.Delay(100);
            await bot.Services.GetRequiredService<PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
            (quiet, seen) = counting.Total == seen ? (quiet + 1, seen) : (0, counting.Total);
        }
    }

    /// <summary>Five timers and an index row a case, for cases other than the ones voted on.</summary>
    private static async Task StoreOtherCasesAsync(PanelBot bot, int from, int to)
    {
        var timers = bot.Services.GetRequiredService<DurableTimerStore>();
        var index = bot.Services.GetRequiredService<CaseIndexStore>();
        var due = bot.Clock.GetUtcNow().AddDays(30);
        var all = Enumerable.Range(from, to - from)
            .Select(i => new DurableTimer($"RR-OLD-2024-{i / 5:D4}:reminder:{i % 5}", "case-deadline", $"RR-OLD-2024-{i / 5:D4}", due.AddMinutes(i), "{}"))
            .ToList();
        foreach (var batch in all.Chunk(16))
        {
            await Task.WhenAll(batch.Select(t => timers.ScheduleAsync(t)));
        }

        foreach (var batch in Enumerable.Range(from / 5, (to - from) / 5).Chunk(16))
        {
            await Task.WhenAll(batch.Select(i => index.RecordAsync(new CaseIndexEntry($"RR-OLD-2024-{i:D4}", "oldham", "AwaitingDecision", due, "decision", due.AddDays(-40), 3))));
        }
    }

    private sealed record Calls(long Before, long After);
}
