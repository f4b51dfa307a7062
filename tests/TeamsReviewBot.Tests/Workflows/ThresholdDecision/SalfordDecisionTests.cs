using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.ThresholdDecision;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>Salford: a virtual panel of four (independent adviser, practice review group chair and
/// deputy chair, business manager) decides by majority with a quorum of 2 within 48 hours; the
/// business manager may decide alone when it is obviously a Rapid Review (seed-002 §3).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SalfordDecisionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "salford", SalfordPanel, new Dictionary<string, string?>
        {
            // The deputy chair's seat is named in configuration: no role says "deputy chair".
            ["ThresholdDecision:SeatAssignments:0:AadObjectId"] = Dana.AadObjectId,
            ["ThresholdDecision:SeatAssignments:0:Seat"] = "prsg-deputy-chair",
        });
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_business_manager_decides_alone_only_for_an_obvious_rapid_review()
    {
        var code = await _bot.ReferAsync(Bea);
        var card = await _bot.PressAsync(Bea, code, "refresh");
        Assert.Contains("Decide alone: Commence rapid review", PanelBot.Words(card), StringComparison.Ordinal);

        var notAllowed = await _bot.PressAsync(Bea, code, "decide-alone", new JsonObject { ["outcomeAlone"] = "no-further-action", ["rationale"] = "Clearly not." });
        Assert.Contains("do not let the business manager decide", PanelBot.Words(notAllowed), StringComparison.Ordinal);
        var noRationale = await _bot.PressAsync(Bea, code, "decide-alone", new JsonObject { ["outcomeAlone"] = "rapid-review", ["rationale"] = "" });
        Assert.Contains("Please give a reason", PanelBot.Words(noRationale), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        var decided = await _bot.PressAsync(Bea, code, "decide-alone", new JsonObject { ["outcomeAlone"] = "rapid-review", ["rationale"] = "A child died; abuse is known. Obviously a Rapid Review." });

        Assert.Contains("Decision: Commence rapid review", PanelBot.Words(decided), StringComparison.Ordinal);
        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Equal("business-manager", decision.DecidedBy);
        var shared = await _bot.SharedCardAsync(code, json => json.Contains("Decision: Commence rapid review", StringComparison.Ordinal), "the decision card");
        Assert.Contains("by the business manager alone", PanelBot.Words(shared.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_of_four_agreeing_on_an_incomplete_referral_decide_at_once_and_the_referrer_gets_the_decision_not_the_members_words()
    {
        // seed-002 L278: "Two of the panel only are needed to be quorate."
        var code = await _bot.ReferAsync(Bea);
        var first = await _bot.VoteAsync(Ian, code, "incomplete-referral", "No chronology of agency contact is attached.");
        Assert.Contains("Votes: 1 of 4 seats", PanelBot.Words(first), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        var second = await _bot.VoteAsync(Chloe, code, "incomplete-referral", "We cannot judge harm without the medical summary.");

        Assert.Contains("Decision: Incomplete referral", PanelBot.Words(second), StringComparison.Ordinal);
        var told = await _bot.WaitForPersonalAsync(Bea, "re-submitted by");
        Assert.Contains(code, told, StringComparison.Ordinal);
        var letter = (await _bot.WaitForSentMailAsync(code)).GetProperty("body").GetString()!;
        Assert.Contains("Decision: Incomplete referral", letter, StringComparison.Ordinal);
        Assert.Contains("Please re-submit the updated referral", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("No chronology of agency contact is attached.", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("medical summary", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_against_one_waits_and_the_third_vote_decides_by_majority()
    {
        // seed-002 L278: "Where there is not agreement, the decision will be based on the majority."
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Ian, code, "rapid-review", "a");
        await _bot.VoteAsync(Chloe, code, "salford-case-review", "b");
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        await _bot.VoteAsync(Dana, code, "rapid-review", "c");

        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Equal("rapid-review", decision.Outcome);
        Assert.Empty(await _bot.EventsAsync<DecisionEscalated>(code, CaseEventTypes.DecisionEscalated));
    }

    [Fact]
    public async Task A_statutory_lead_without_a_seat_on_this_panel_is_refused_and_the_attempt_recorded()
    {
        var code = await _bot.ReferAsync(Bea);

        var answer = await _bot.VoteAsync(Lola, code, "rapid-review", "I would like to vote.");

        Assert.Contains("not one of them", PanelBot.Words(answer), StringComparison.Ordinal);
        var refused = Assert.Single(await _bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused));
        Assert.Equal(Lola.AadObjectId, refused.Actor.ObjectId);
    }
}
