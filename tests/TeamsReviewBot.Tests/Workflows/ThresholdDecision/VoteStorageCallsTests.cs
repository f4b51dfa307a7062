using Azure.Core;
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

            // After the reply the follow-up reads the case's own partition, never the whole table. The
            // window after a click also catches the instance's own background calls (a mailbox lock's
            // renewal, a cached reference refreshed), a handful at most, so the margin allows for them.
            Assert.InRange(with2000[kind].After, few.After - 6, few.After + 6);
        }

        Assert.InRange(with100["first vote"].After, 1, 10);
        Assert.InRange(with100["deciding vote"].After, 1, 30);
    }

    private static async Task<Dictionary<string, Calls>> ClicksAsync(PanelBot bot, RequestStorageCalls counting)
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

    private static async Task<Calls> CountAsync(PanelBot bot, RequestStorageCalls counting, Func<Task> click)
    {
        var from = counting.Total;
        await click();
        var before = counting.LastRequest;
        await SettledAsync(bot, counting);
        return new Calls(before, counting.Total - from - before);
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
