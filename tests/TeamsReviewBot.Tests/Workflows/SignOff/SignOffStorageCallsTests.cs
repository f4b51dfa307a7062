using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.SignOff.Support;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using Xunit.Abstractions;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// What a press on a sign-off card costs in storage, before its reply (calls made while the request
/// is handled) and after it (the case's follow-up), as deployed: follow-ups after the reply. A "sign
/// off" owes the business managers nothing, so it costs what it cost before they were told of
/// refusals; a "do not sign off" costs the notice's record on top.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignOffStorageCallsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly Recorder Recorded = new();

    [Fact]
    public async Task A_sign_off_press_costs_no_more_for_the_managers_notices_and_a_refusal_costs_its_notice_after_the_reply()
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
        foreach (var person in StatutoryPanel)
        {
            await bot.PersonalInstallAsync(person);
        }

        var stage = new SignOffStage(bot);
        var code = await stage.RapidReviewAsync();
        await stage.AddVersionAsync(code, 1);
        await stage.AskForSignOffAsync(code, 1);
        var hanaCard = await stage.CardToAsync(Hana, 1);
        var patCard = await stage.CardToAsync(Pat, 1);
        await SettledAsync(bot, counting);

        var signOff = await CountAsync(bot, counting, () => stage.PressAsync(Hana, hanaCard, "sign-off"));
        var again = await CountAsync(bot, counting, () => stage.PressAsync(Hana, hanaCard, "sign-off"));
        var refusal = await CountAsync(bot, counting, () => stage.PressAsync(Pat, patCard, "do-not-sign-off", "The actions table has no owners yet."));
        output.WriteLine($"sign off: {signOff}; pressed again: {again}; do not sign off: {refusal}.");

        // Measured before the managers were told of refusals: a fresh answer read the case's new
        // events and appended (2) before the reply, and after it deleted the follow-up row (1); the
        // same answer again read the case's new events (1) and nothing after. A "sign off" and a
        // repeat still cost exactly that; a refusal costs the same before its reply, and after it
        // only the notice's record on top (its one append; the case is the one the follow-up holds).
        Assert.Equal(new Calls(2, 1), signOff);
        Assert.Equal(new Calls(1, 0), again);
        Assert.Equal(2, refusal.Before);
        Assert.InRange(refusal.After, signOff.After + 1, signOff.After + 2);
    }

    private async Task<Calls> CountAsync(PanelBot bot, RequestStorageCalls counting, Func<Task> press)
    {
        Recorded.Clear();
        Recorded.Harness.Value = true;
        await press();
        Recorded.Harness.Value = false;
        var before = counting.LastRequest;
        await SettledAsync(bot, counting);
        var calls = Recorded.Calls;
        output.WriteLine(string.Join(Environment.NewLine, calls));
        output.WriteLine("--");
        return new Calls(before, calls.Count(c => !IsOtherBackgroundWork(c)) - before);
    }

    /// <summary>The instance's own loops, which may fall in the window after a press but are no part of it.</summary>
    private static bool IsOtherBackgroundWork(string call) =>
        call.Contains("MailboxSync", StringComparison.Ordinal) || call.Contains("MailNotifications", StringComparison.Ordinal) || call.Contains("Leases", StringComparison.Ordinal);

    /// <summary>Waits until the follow-ups are done and no storage call has been made for a while.</summary>
    private static async Task SettledAsync(PanelBot bot, RequestStorageCalls counting)
    {
        var seen = counting.Total;
        for (var quiet = 0; quiet < 6;)
        {
            await Task.Delay(100);
            await bot.BackgroundWorkDoneAsync();
            (quiet, seen) = counting.Total == seen ? (quiet + 1, seen) : (0, counting.Total);
        }
    }

    /// <summary>Every storage call the bot makes, but those on the test's own flow.</summary>
    private sealed class Recorder : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<string> _calls = new();

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

    private sealed record Calls(long Before, long After);
}
