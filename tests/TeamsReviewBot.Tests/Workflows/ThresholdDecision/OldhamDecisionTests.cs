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

        // The lead arriving after the decision hears that her deputy's vote counted for her seat, and hers did not.
        var late = await _bot.VoteAsync(Hana, code, "no-further-action", "Too late.");
        Assert.Contains("The vote Dev Shah cast for your seat (\"Progression to Rapid Review\"", PanelBot.Words(late), StringComparison.Ordinal);
        Assert.Contains("this different vote was not recorded", PanelBot.Words(late), StringComparison.Ordinal);
        Assert.DoesNotContain("not counted", PanelBot.Words(late), StringComparison.Ordinal);

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
        Assert.Contains("3 of 3 seats agreed", letter, StringComparison.Ordinal);
        // The referrer gets the panel's decision, not each member's words.
        Assert.DoesNotContain("Police investigation opened for suspected abuse.", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Health agrees", letter, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, letter, StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed));

        Assert.DoesNotContain(PanelBot.ChildName, _bot.ChannelTraffic(), StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, _bot.ChannelTraffic(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disagreement_waits_for_agreement_and_is_not_sent_to_the_escalation_pathway()
    {
        // seed-000 §3: "no voting or majority rule is given for the Virtual Panel"; the escalation pathway is for operational disputes.
        var code = await _bot.ReferAsync(Bea, receivedAt: PanelBot.Monday10am.AddHours(-1));
        await _bot.VoteAsync(Lola, code, "rapid-review", "Serious harm and neglect suspected.");
        var second = await _bot.VoteAsync(Pat, code, "no-further-action", "No indication of abuse.");

        Assert.DoesNotContain("Escalated", PanelBot.Words(second), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<DecisionEscalated>(code, CaseEventTypes.DecisionEscalated));
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        // Day 1 ends on Tuesday at 5 pm; the split is then put to the business manager.
        await _bot.JumpAndFireTimersAsync(PanelBot.Monday10am.AddDays(1).AddHours(8));
        var escalated = Assert.Single(await _bot.EventsAsync<DecisionEscalated>(code, CaseEventTypes.DecisionEscalated));
        Assert.Contains("the votes still disagree", escalated.Reason, StringComparison.Ordinal);
        var told = await _bot.WaitForPersonalAsync(Bea, "the threshold decision is escalated");
        Assert.Contains("has not agreed by the end of Day 1", told, StringComparison.Ordinal);
        Assert.DoesNotContain("Independent Chair mediates", told, StringComparison.Ordinal);

        // The business manager records the outcome the partners agree; an escalation is not one of the choices.
        var form = (await _bot.PressAsync(Bea, code, "refresh")).ToJsonString();
        Assert.Contains("Record how the escalation was resolved", form, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"No further action\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\":\"Escalation\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalation_is_on_the_vote_card_and_the_incomplete_referral_is_the_business_managers_own_step()
    {
        // seed-000 §3 outcome 4 (Escalation) is a panel response; AppA Day 0: the Partnership Manager "requests any further information".
        var code = await _bot.ReferAsync(Bea);

        var card = PanelBot.Words(await _bot.PressAsync(Lola, code, "refresh"));
        Assert.Contains("Escalation", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Further information requested from the referrer", card, StringComparison.Ordinal);
        var refused = await _bot.VoteAsync(Lola, code, "incomplete-referral", "Missing the incident outline.");
        Assert.Contains("not an outcome the Oldham Safeguarding Children Partnership panel chooses", PanelBot.Words(refused), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));

        var asked = await _bot.PressAsync(Bea, code, "decide-alone", new JsonObject { ["outcomeAlone"] = "incomplete-referral", ["rationale"] = "Please send the incident outline and the agencies involved." });

        Assert.Contains("Decision: Further information requested from the referrer (Day 0)", PanelBot.Words(asked), StringComparison.Ordinal);
        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Equal("business-manager", decision.DecidedBy);
        var letter = (await WaitForSentMailAsync()).GetProperty("body").GetString()!;
        Assert.Contains("Please send the incident outline and the agencies involved.", letter, StringComparison.Ordinal);
        Assert.Contains("Please send what is missing to", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_referrer_is_emailed_the_escalation_and_then_once_how_it_was_resolved()
    {
        // seed-000 §3 outcome 1: "the OSCP business manager will give a clear rationale for this decision to the referrer";
        // outcome 4: "the Business Manager will refer these into the escalation process for a swift response".
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "escalation", "Partners dispute the operational decision.");
        await _bot.VoteAsync(Pat, code, "escalation", "Partners dispute the operational decision.");
        await _bot.VoteAsync(Hana, code, "escalation", "Partners dispute the operational decision.");
        var escalationLetter = (await WaitForSentMailsAsync(1))[0].GetProperty("body").GetString()!;
        Assert.Contains("Escalation", escalationLetter, StringComparison.Ordinal);

        var resolved = await _bot.PressAsync(Bea, code, "decide-alone", new JsonObject { ["outcome"] = "no-further-action", ["rationale"] = "The partners agreed no criteria are met after mediation." });

        Assert.Contains("Decision: No further action", PanelBot.Words(resolved), StringComparison.Ordinal);
        var letters = await WaitForSentMailsAsync(2);
        var resolution = letters.Single(m => m.GetProperty("body").GetString()!.Contains("The partners agreed no criteria are met after mediation.", StringComparison.Ordinal));
        Assert.Equal("referrer@school.example", resolution.GetProperty("to")[0].GetString());
        Assert.Contains("No further action", resolution.GetProperty("body").GetString(), StringComparison.Ordinal);

        // Running the follow-up again (a refresh) sends neither letter a second time.
        await _bot.PressAsync(Bea, code, "refresh");
        await Task.Delay(500);
        Assert.Equal(2, (await SentLettersAsync()).Count);
        var informed = await _bot.EventsAsync<ReferrerInformed>(code, PanelEventTypes.ReferrerInformed);
        Assert.Equal(["escalation", "no-further-action"], informed.Select(i => i.Outcome));
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

    private async Task<List<System.Text.Json.JsonElement>> SentLettersAsync() =>
        [.. (await _bot.Graph.SentAsync(PanelBot.Mailbox)).Where(m => m.GetProperty("subject").GetString()!.Contains("threshold decision", StringComparison.Ordinal))];

    private async Task<List<System.Text.Json.JsonElement>> WaitForSentMailsAsync(int count)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await SentLettersAsync() is { } sent && sent.Count >= count)
            {
                return sent;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The referrer was not emailed {count} letter(s).");
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
