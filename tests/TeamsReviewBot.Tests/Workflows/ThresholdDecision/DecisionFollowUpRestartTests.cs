using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>What follows a threshold decision survives the bot stopping before it is carried out.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class DecisionFollowUpRestartTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_decision_whose_follow_up_was_cut_short_by_a_restart_is_followed_up_exactly_once_after_it()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await _bot.SharedCardAsync(code, json => json.Contains("Votes: 2 of 3 seats", StringComparison.Ordinal), "the tally after two votes");

        // The decisive vote is stored, then the first step of what follows it (editing the card)
        // is refused, and the bot stops: nothing in its memory survives.
        var thread = (await _bot.CaseAsync(code)).Thread!;
        _bot.Teams.Answer($"/v3/conversations/{thread.ThreadId}/activities/{thread.MessageId}", new ConnectorAnswer(403), new ConnectorAnswer(200));
        var decided = await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        await _bot.SharedCardAsync(code, json => json.Contains("Decision: Progression to Rapid Review", StringComparison.Ordinal), "the refused edit of the decision card");
        await Task.Delay(500);
        Assert.Empty(await _bot.Graph.SentAsync(PanelBot.Mailbox));
        Assert.Empty(await _bot.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));

        await _bot.RestartAsync();
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(3));
        // The background pump may have claimed the row first: let the follow-up finish before the
        // clock jumps past its lease, as real time would, so the later jump tests a repeat.
        await _bot.WaitForPersonalAsync(Bea, "the threshold decision is");
        await LocalIntake.WaitUntilAsync(async () => (await _bot.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified)).Count > 0, "the notice recorded on the case");
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(10));

        var letter = Assert.Single(await _bot.Graph.SentAsync(PanelBot.Mailbox));
        Assert.Equal("referrer@school.example", letter.GetProperty("to")[0].GetString());
        Assert.Contains($"{code}: threshold decision", letter.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));
        var notices = await _bot.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified);
        Assert.Single(notices, n => n.NotificationId.StartsWith(DecisionFollowUp.DecisionNotice, StringComparison.Ordinal));
        Assert.Single(_bot.PersonalMessagesTo(Bea), m => m.Contains("the threshold decision is", StringComparison.Ordinal));
        await _bot.SharedCardAsync(code, json => json.Contains("Record National Panel notified", StringComparison.Ordinal), "the decision card after the restart");
    }

    [Fact]
    public async Task A_decision_stored_just_before_the_bot_stopped_is_followed_up_exactly_once_after_the_restart()
    {
        // A bot whose background work never runs: it stops the moment the deciding vote is stored,
        // before any step of what follows (the card, the referrer's letter, the managers' notice).
        await using var stopping = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, services: BackgroundLoops.TakeOut);
        await stopping.PersonalInstallAsync(Bea);
        var code = await stopping.ReferAsync(Bea);
        await stopping.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await stopping.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        var decided = await stopping.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        Assert.Single(await stopping.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Empty(await stopping.Graph.SentAsync(PanelBot.Mailbox));
        Assert.Empty(await stopping.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));
        Assert.Empty(await stopping.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified));
        Assert.DoesNotContain(stopping.Teams.Calls, c => c.Method == "PUT" && c.Card?.ToJsonString().Contains("Decision: Progression to Rapid Review", StringComparison.Ordinal) == true);

        // Started again: the follow-up row written with the decision carries the follow-up out.
        await stopping.RestartAsync(services: _ => { });
        await stopping.JumpAndFireTimersAsync(stopping.Clock.GetUtcNow().AddMinutes(3));
        await stopping.WaitForPersonalAsync(Bea, "the threshold decision is");
        await LocalIntake.WaitUntilAsync(async () => (await stopping.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified)).Count > 0, "the notice recorded on the case");
        await stopping.JumpAndFireTimersAsync(stopping.Clock.GetUtcNow().AddMinutes(10));

        var letter = Assert.Single(await stopping.Graph.SentAsync(PanelBot.Mailbox));
        Assert.Equal("referrer@school.example", letter.GetProperty("to")[0].GetString());
        Assert.Single(await stopping.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));
        Assert.Single(await stopping.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified), n => n.NotificationId.StartsWith(DecisionFollowUp.DecisionNotice, StringComparison.Ordinal));
        Assert.Single(stopping.PersonalMessagesTo(Bea), m => m.Contains("the threshold decision is", StringComparison.Ordinal));
        await stopping.SharedCardAsync(code, json => json.Contains("Record National Panel notified", StringComparison.Ordinal), "the decision card after the restart");
    }

    [Fact]
    public async Task A_deployed_bot_stopped_between_the_decision_and_its_follow_up_emails_the_referrer_once_after_the_restart()
    {
        // As deployed (follow-ups after the reply), and nothing in the background runs: the bot
        // answers the deciding vote and stops before its follow-up worker takes anything up.
        var deployed = new Dictionary<string, string?> { ["CaseFollowUps:RunBeforeReply"] = "false" };
        await using var stopping = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, deployed, services: BackgroundLoops.TakeOut);
        stopping.AwaitFollowUps = false;
        await stopping.PersonalInstallAsync(Bea);
        var code = await stopping.ReferAsync(Bea);

        // The case's thread follows the refer form's answer from its follow-up row, as the worker would post it.
        await stopping.Services.GetRequiredService<CaseFollowUpWorker>().FollowUpAsync(code, CancellationToken.None);
        await stopping.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await stopping.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        var decided = await stopping.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        Assert.Empty(await stopping.Graph.SentAsync(PanelBot.Mailbox));

        // What follows is owed by the case's follow-up row, written with the decision; no other row stands in for it.
        var rows = stopping.Services.GetRequiredService<CaseFollowUpRows>();
        Assert.NotNull(await rows.FindAsync(code));
        var timers = await stopping.Services.GetRequiredService<DurableTimerStore>().ReadAsync(code);
        Assert.DoesNotContain(timers.Timers, t => t.Kind == DecisionFollowUpOutbox.TimerKind);

        // Started again as deployed: the follow-up worker's first look finds the row and carries it out.
        await stopping.RestartAsync(services: _ => { });
        stopping.AwaitFollowUps = true;
        await stopping.WaitForSentMailAsync(code);
        await LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");
        await stopping.FollowUpsDoneAsync();
        Assert.Equal(0, await stopping.Services.GetRequiredService<CaseFollowUpWorker>().SweepAsync(CancellationToken.None));
        await stopping.JumpAndFireTimersAsync(stopping.Clock.GetUtcNow().AddMinutes(10));

        var letter = Assert.Single(await stopping.Graph.SentAsync(PanelBot.Mailbox));
        Assert.Equal("referrer@school.example", letter.GetProperty("to")[0].GetString());
        Assert.Single(await stopping.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));
        Assert.Single(await stopping.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified), n => n.NotificationId.StartsWith(DecisionFollowUp.DecisionNotice, StringComparison.Ordinal));
        Assert.Single(stopping.PersonalMessagesTo(Bea), m => m.Contains("the threshold decision is", StringComparison.Ordinal));
        await stopping.SharedCardAsync(code, json => json.Contains("Record National Panel notified", StringComparison.Ordinal), "the decision card after the restart");
    }

    [Fact]
    public async Task A_deployed_bot_stopped_between_a_vote_and_its_card_edit_edits_the_card_once_after_the_restart()
    {
        // As deployed, and nothing in the background runs: the bot answers the first vote and stops
        // before its follow-up (which edits the thread's card) is taken up.
        var deployed = new Dictionary<string, string?> { ["CaseFollowUps:RunBeforeReply"] = "false" };
        await using var stopping = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, deployed, services: BackgroundLoops.TakeOut);
        stopping.AwaitFollowUps = false;
        await stopping.PersonalInstallAsync(Bea);
        var code = await stopping.ReferAsync(Bea);
        await stopping.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        Assert.DoesNotContain(stopping.Teams.Calls, c => IsTallyEdit(c, code, "Votes: 1 of 3 seats"));

        // The edit is owed by the case's follow-up row, written with the vote.
        var rows = stopping.Services.GetRequiredService<CaseFollowUpRows>();
        Assert.NotNull(await rows.FindAsync(code));

        await stopping.RestartAsync(services: _ => { });
        stopping.AwaitFollowUps = true;
        await stopping.SharedCardAsync(code, json => json.Contains("Votes: 1 of 3 seats", StringComparison.Ordinal), "the tally after the restart");
        await LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");
        await stopping.FollowUpsDoneAsync();
        Assert.Equal(0, await stopping.Services.GetRequiredService<CaseFollowUpWorker>().SweepAsync(CancellationToken.None));
        await stopping.FollowUpsDoneAsync();

        Assert.Single(stopping.Teams.Calls, c => IsTallyEdit(c, code, "Votes: 1 of 3 seats"));
    }

    private static bool IsTallyEdit(ConnectorCall call, string code, string tally) =>
        call.Method == "PUT" && call.Card?.ToJsonString() is { } json && json.Contains(code, StringComparison.Ordinal) && json.Contains(tally, StringComparison.Ordinal);
}
