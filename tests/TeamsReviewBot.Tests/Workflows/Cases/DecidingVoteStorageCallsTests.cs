using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using Xunit.Abstractions;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// What a deciding vote costs in storage before its reply: the calls made while the request is
/// handled (the follow-ups that run after the reply are not counted), with 100 and then 2,000
/// timers stored for other cases.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DecidingVoteStorageCallsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int MostCallsBeforeReply = 20;

    [Fact]
    public async Task A_deciding_vote_costs_the_same_few_storage_calls_before_its_reply_however_many_timers_are_stored()
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

        await StoreOtherCasesTimersAsync(bot, 0, 100);
        var with100 = await DecidingVoteCallsAsync(bot, counting);
        await StoreOtherCasesTimersAsync(bot, 100, 2000);
        var with2000 = await DecidingVoteCallsAsync(bot, counting);

        output.WriteLine($"Storage calls before the reply to a deciding vote: {with100} with 100 timers stored, {with2000} with 2,000.");
        // Work started in the background by the decision (the card edit, the referrer's mail) may
        // make a call or two before the reply goes; the cost must not grow with the table.
        Assert.InRange(with100, 1, MostCallsBeforeReply);
        Assert.InRange(with2000, with100 - 3, with100 + 3);
    }

    private static async Task<long> DecidingVoteCallsAsync(PanelBot bot, RequestStorageCalls counting)
    {
        var code = await bot.ReferAsync(Bea);
        await bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        var decided = await bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        return counting.LastRequest;
    }

    /// <summary>Five timers a case (reminders and escalations) for cases other than the ones voted on.</summary>
    private static async Task StoreOtherCasesTimersAsync(PanelBot bot, int from, int to)
    {
        var timers = bot.Services.GetRequiredService<DurableTimerStore>();
        var due = bot.Clock.GetUtcNow().AddDays(30);
        var all = Enumerable.Range(from, to - from)
            .Select(i => new DurableTimer($"RR-OLD-2025-{i / 5:D4}:reminder:{i % 5}", "case-deadline", $"RR-OLD-2025-{i / 5:D4}", due.AddMinutes(i), "{}"))
            .ToList();
        foreach (var batch in all.Chunk(16))
        {
            await Task.WhenAll(batch.Select(t => timers.ScheduleAsync(t)));
        }
    }
}
