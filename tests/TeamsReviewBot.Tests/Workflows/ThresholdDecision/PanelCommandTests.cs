using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>The chat commands around the threshold decision: notified and put-to-panel.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PanelCommandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        // The bot has not been added to the panel channel yet.
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, installInChannel: false);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_case_opened_before_the_bot_is_in_the_channel_is_posted_by_put_to_panel_once_it_is()
    {
        var code = await _bot.ReferAsync(Bea);
        Assert.Contains("could not post it to the panel channel", PanelBot.Words(_bot.LastReferAnswer), StringComparison.Ordinal);
        Assert.Contains("put-to-panel " + code, PanelBot.Words(_bot.LastReferAnswer), StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Teams.Calls, c => c.Path == "/v3/conversations");
        Assert.Single(await _bot.EventsAsync<PutToPanel>(code, CaseEventTypes.PutToPanel));

        await _bot.InstallInChannelAsync();
        await _bot.SayAsync(Pat, "put-to-panel " + code);
        var refused = await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Pat.TeamsId, StringComparison.Ordinal), "the answer to Pat");
        Assert.Contains("Only a business manager", refused.Text, StringComparison.Ordinal);

        await _bot.SayAsync(Bea, "put-to-panel " + code.ToLowerInvariant());

        await _bot.WaitForPersonalAsync(Bea, $"Case {code} is in the panel channel.");
        var thread = await _bot.Teams.WaitForCallAsync(c => c.Path == "/v3/conversations", "the case's thread");
        Assert.Contains(code, thread.Card!.ToJsonString(), StringComparison.Ordinal);
        await _bot.SayAsync(Bea, "put-to-panel " + code);
        await Task.Delay(500);
        Assert.Single(_bot.Teams.Calls, c => c.Path == "/v3/conversations");
    }

    [Fact]
    public async Task Notified_records_the_date_typed_and_refuses_a_date_in_the_future()
    {
        await _bot.InstallInChannelAsync();
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "a");
        await _bot.VoteAsync(Pat, code, "rapid-review", "b");
        await _bot.VoteAsync(Hana, code, "rapid-review", "c");

        await _bot.SayAsync(Bea, $"notified {code} 24/11/2026");
        await _bot.WaitForPersonalAsync(Bea, "is in the future");
        await _bot.SayAsync(Bea, $"notified {code} yesterday");
        await _bot.WaitForPersonalAsync(Bea, "is not a date I can read");
        Assert.Empty(await _bot.EventsAsync<NationalPanelNotified>(code, CaseEventTypes.NationalPanelNotified));

        await _bot.SayAsync(Bea, $"notified {code} 23/11/2026");

        await _bot.WaitForPersonalAsync(Bea, $"Recorded: the National Panel was notified about case {code} on Monday 23 November 2026.");
        Assert.Single(await _bot.EventsAsync<NationalPanelNotified>(code, CaseEventTypes.NationalPanelNotified));
        var state = await _bot.CaseAsync(code);
        Assert.Equal(new DateOnly(2026, 11, 23), TeamsReviewBot.Process.Calendar.WorkingDayCalendar.LondonDate(state.NotifiedAt!.Value));
        await _bot.SharedCardAsync(code, json => json.Contains("The National Panel was notified on Monday 23 November 2026", StringComparison.Ordinal), "the card showing the notification");
    }
}
