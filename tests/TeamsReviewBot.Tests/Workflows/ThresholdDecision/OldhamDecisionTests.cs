using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.ThresholdDecision;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>Oldham: a Day 1 virtual panel of the three statutory leads (or their deputies); the
/// votes cast must agree, at least 2 of 3 (seed-000 §3, AppB/AppC).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class OldhamDecisionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Three_seats_agreeing_decide_a_rapid_review_once_with_a_deputy_filling_the_health_seat()
    {
        var code = await _bot.ReferAsync(Bea);
        Assert.StartsWith("RR-OLD-2026-", code, StringComparison.Ordinal);

        var thread = await _bot.Teams.WaitForCallAsync(c => c.Path == "/v3/conversations", "the case's thread");
        var posted = thread.Card!.ToJsonString();
        Assert.Contains(code, posted, StringComparison.Ordinal);
        Assert.Contains("Physical abuse", posted, StringComparison.Ordinal);
        // This bot has no agency directory: what the form typed is not repeated in the channel.
        Assert.Contains("not in the agency directory", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("Hollybank Primary School", posted, StringComparison.Ordinal);
        Assert.Contains("Decision due", posted, StringComparison.Ordinal);
        Assert.Contains("Votes: 0 of 3 seats", posted, StringComparison.Ordinal);

        // Lola votes, then changes her mind before the decision: one seat, her latest vote.
        var first = await _bot.VoteAsync(Lola, code, "no-further-action", "The injury has an accidental explanation.");
        Assert.Contains("You voted \"No further action\"", PanelBot.Words(first), StringComparison.Ordinal);
        var changed = await _bot.VoteAsync(Lola, code, "rapid-review", "On reflection the explanation does not fit the injury.");
        Assert.Contains("You voted \"Progression to Rapid Review\"", PanelBot.Words(changed), StringComparison.Ordinal);
        await _bot.SharedCardAsync(code, json => json.Contains("Votes: 1 of 3 seats", StringComparison.Ordinal) && json.Contains("Lola Adeyemi", StringComparison.Ordinal), "the tally after Lola's vote");

        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened for suspected abuse.");
        var deputy = await _bot.VoteAsync(Dev, code, "rapid-review", "Health agrees: serious harm, neglect suspected.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(deputy), StringComparison.Ordinal);

        // The lead arriving after the decision is not counted.
        var late = await _bot.VoteAsync(Hana, code, "no-further-action", "Too late.");
        Assert.Contains("already been made", PanelBot.Words(late), StringComparison.Ordinal);

        var decisions = await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded);
        var decision = Assert.Single(decisions);
        Assert.Equal("rapid-review", decision.Outcome);
        Assert.Equal("panel", decision.DecidedBy);
        var votes = await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast);
        Assert.Equal(4, votes.Count);
        Assert.True(votes.Single(v => v.Seat == "health").ByDeputy);

        var card = (await _bot.SharedCardAsync(code, json => json.Contains("Decision: Progression to Rapid Review", StringComparison.Ordinal), "the decision card")).Card!.ToJsonString();
        Assert.Contains("Police investigation opened for suspected abuse.", card, StringComparison.Ordinal);
        Assert.Contains("Record National Panel notified", card, StringComparison.Ordinal);
        Assert.Contains("\"userIds\":[]", card, StringComparison.Ordinal);

        var told = await WaitForPersonalAsync(Bea, "National Panel");
        Assert.Contains(code, told, StringComparison.Ordinal);
        Assert.Contains("notify the National Panel by", told, StringComparison.Ordinal);
        Assert.Contains("Information requests", told, StringComparison.Ordinal);
        Assert.Contains($"type \"requests {code} choose\"", told, StringComparison.Ordinal);

        // The referrer is emailed the decision with the rationale, from the partnership mailbox.
        var mail = await WaitForSentMailAsync();
        Assert.Equal("referrer@school.example", mail.GetProperty("to")[0].GetString());
        Assert.Contains(code, mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var letter = mail.GetProperty("body").GetString()!;
        Assert.Contains("Decision: Progression to Rapid Review", letter, StringComparison.Ordinal);
        Assert.Contains("Police investigation opened for suspected abuse.", letter, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, letter, StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));

        Assert.DoesNotContain(PanelBot.ChildName, _bot.ChannelTraffic(), StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, _bot.ChannelTraffic(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disagreement_escalates_at_once_and_the_business_manager_is_told_the_route()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Serious harm and neglect suspected.");
        var second = await _bot.VoteAsync(Pat, code, "no-further-action", "No indication of abuse.");

        Assert.Contains("Escalated", PanelBot.Words(second), StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<DecisionEscalated>(code, CaseEventTypes.DecisionEscalated));
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        var told = await WaitForPersonalAsync(Bea, "the threshold decision is escalated");
        Assert.Contains("Independent Chair", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_without_a_rationale_is_refused_in_a_sentence_and_nothing_is_recorded()
    {
        var code = await _bot.ReferAsync(Bea);

        var answer = await _bot.VoteAsync(Lola, code, "rapid-review", "   ");

        Assert.Contains("Please give the rationale", PanelBot.Words(answer), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));
    }

    [Fact]
    public async Task The_national_panel_notification_is_recorded_with_its_date_from_the_decision_card()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "a");
        await _bot.VoteAsync(Pat, code, "rapid-review", "b");
        await _bot.VoteAsync(Hana, code, "rapid-review", "c");

        var answer = await _bot.PressAsync(Bea, code, "notified", new JsonObject { ["notifiedOn"] = "2026-11-23" });

        Assert.Contains("The National Panel was notified on Monday 23 November 2026", PanelBot.Words(answer), StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<NationalPanelNotified>(code, CaseEventTypes.NationalPanelNotified));
        var again = await _bot.PressAsync(Bea, code, "notified", new JsonObject { ["notifiedOn"] = "2026-11-23" });
        Assert.Contains("already notified", PanelBot.Words(again), StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<NationalPanelNotified>(code, CaseEventTypes.NationalPanelNotified));
    }

    private async Task<System.Text.Json.JsonElement> WaitForSentMailAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await _bot.Graph.SentAsync(PanelBot.Mailbox)).FirstOrDefault(m => m.GetProperty("subject").GetString()!.Contains("threshold decision", StringComparison.Ordinal)) is { ValueKind: System.Text.Json.JsonValueKind.Object } sent)
            {
                return sent;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The referrer was never emailed the decision.");
    }

    private async Task<string> WaitForPersonalAsync(Person person, string containing)
    {
        var call = await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && c.Text.Contains(containing, StringComparison.Ordinal), $"a message to {person.Name} about {containing}");
        return call.Text;
    }
}
