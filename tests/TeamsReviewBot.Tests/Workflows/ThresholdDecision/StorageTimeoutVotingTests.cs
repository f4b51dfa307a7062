using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>
/// Votes while storage times out around the append, through the real SDK pipeline: what the panel
/// member reads always matches what the case's stream holds, a vote is never doubled, and the
/// decision's follow-up (the referrer's letter) is never lost.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StorageTimeoutVotingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly StorageFaults _faults = new();
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, services: _faults.Into(azurite.ConnectionString));
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_vote_stored_before_the_storage_call_timed_out_is_answered_as_recorded()
    {
        var code = await _bot.ReferAsync(Bea);

        // Azurite stores the vote, but the client times out before the answer arrives, and again
        // on each of the SDK's two retries (which collide with what the first one stored).
        _faults.LoseNextAppendAnswers(3);
        var answer = PanelBot.Words(await _bot.VoteAsync(Lola, code, "rapid-review", "The injury does not fit the account."));

        Assert.Equal(3, _faults.Fired);
        Assert.Contains("Your vote is recorded (\"Progression to Rapid Review\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("not recorded", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be confirmed", answer, StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));
        // The shared card still shows the vote: the edit the failure cut short is made after all.
        await _bot.SharedCardAsync(code, json => json.Contains("Votes: 1 of 3 seats", StringComparison.Ordinal), "the tally after the vote");
    }

    [Fact]
    public async Task A_vote_that_never_reached_storage_is_not_confirmed_and_pressing_again_counts_it_once()
    {
        var code = await _bot.ReferAsync(Bea);

        // Storage refuses every append (503, busy) while the vote is pressed, then recovers.
        _faults.RefuseNextAppends(int.MaxValue);
        var first = PanelBot.Words(await _bot.VoteAsync(Lola, code, "rapid-review", "The injury does not fit the account."));
        _faults.Calm();
        Assert.True(_faults.Fired >= 1, "the append was not refused");
        Assert.Contains("your vote could not be confirmed; nothing is lost if you press again", first, StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));

        var again = PanelBot.Words(await _bot.VoteAsync(Lola, code, "rapid-review", "The injury does not fit the account."));
        Assert.Contains("You voted \"Progression to Rapid Review\"", again, StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));
    }

    [Fact]
    public async Task A_deciding_vote_whose_answer_was_lost_says_it_was_counted_and_the_referrer_is_emailed_once()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");

        // Azurite stores the deciding vote and the decision, but the answer is lost as a timeout: the
        // SDK sends the append again, which collides with what it stored the first time.
        _faults.LoseNextAppendAnswers();
        var decided = PanelBot.Words(await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm."));

        Assert.Equal(1, _faults.Fired);
        Assert.Contains("Hana", decided, StringComparison.Ordinal);
        Assert.Contains("(\"Progression to Rapid Review\"", decided, StringComparison.Ordinal);
        Assert.Contains("was counted", decided, StringComparison.Ordinal);
        Assert.Contains("The panel's decision is \"Progression to Rapid Review\"", decided, StringComparison.Ordinal);
        Assert.DoesNotContain("not counted", decided, StringComparison.Ordinal);
        Assert.Equal(3, (await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast)).Count);
        Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        // The letter goes without waiting for the timer's lease, and only once.
        await _bot.WaitForSentMailAsync(code);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(10));
        Assert.Single(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.Contains(code, StringComparison.Ordinal));
        Assert.Single(await _bot.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));
    }

    [Fact]
    public async Task A_decision_whose_click_failed_right_after_the_append_is_still_followed_up_from_its_durable_row()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");

        // The deciding vote and the decision are stored; then storage fails every call for long
        // enough that neither the rest of the click nor the re-read gets through.
        _faults.FailCallsAfterNextAppend(12);
        var decided = PanelBot.Words(await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm."));
        _faults.Calm();

        Assert.Contains("could not be confirmed; nothing is lost if you press again", decided, StringComparison.Ordinal);
        Assert.DoesNotContain("not recorded", decided, StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        await Task.Delay(300);
        Assert.Empty(await _bot.Graph.SentAsync(PanelBot.Mailbox));

        // Nothing in memory carries the follow-up: the case's follow-up row, written in the decision's
        // own transaction, does at the follow-up worker's next look (at start-up and every 5 minutes).
        Assert.True(await _bot.Services.GetRequiredService<CaseFollowUpWorker>().SweepAsync(CancellationToken.None) >= 1);
        await _bot.FollowUpsDoneAsync();
        var letter = await _bot.WaitForSentMailAsync(code);
        Assert.Equal("referrer@school.example", letter.GetProperty("to")[0].GetString());
        await _bot.WaitForPersonalAsync(Bea, "the threshold decision is");

        // Pressing again now says what is true.
        var again = PanelBot.Words(await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm."));
        Assert.Contains("Your vote (\"Progression to Rapid Review\"", again, StringComparison.Ordinal);
        Assert.Contains("was counted. The panel's decision is \"Progression to Rapid Review\"", again, StringComparison.Ordinal);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(10));
        Assert.Single(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.Contains(code, StringComparison.Ordinal));
        Assert.Single(await _bot.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));
        Assert.Equal(3, (await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast)).Count);
    }

    [Fact]
    public async Task Pressing_again_after_the_decision_says_whose_vote_counted_and_only_a_seat_without_one_hears_not_counted()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await _bot.VoteAsync(Dev, code, "rapid-review", "Health agrees, as deputy.");

        var lola = PanelBot.Words(await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse."));
        Assert.Contains("Your vote (\"Progression to Rapid Review\", Monday 23 November 2026", lola, StringComparison.Ordinal);
        Assert.Contains("was counted. The panel's decision is \"Progression to Rapid Review\"", lola, StringComparison.Ordinal);
        Assert.DoesNotContain("not counted", lola, StringComparison.Ordinal);

        var changed = PanelBot.Words(await _bot.VoteAsync(Pat, code, "no-further-action", "Second thoughts."));
        Assert.Contains("Your vote (\"Progression to Rapid Review\"", changed, StringComparison.Ordinal);
        Assert.Contains("this different vote was not recorded", changed, StringComparison.Ordinal);

        var hana = PanelBot.Words(await _bot.VoteAsync(Hana, code, "rapid-review", "Agree."));
        Assert.Contains("The vote Dev Shah cast for your seat", hana, StringComparison.Ordinal);
        Assert.Equal(3, (await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast)).Count);
    }
}
