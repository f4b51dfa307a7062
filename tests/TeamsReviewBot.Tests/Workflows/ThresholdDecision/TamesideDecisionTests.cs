using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>Tameside: a screening panel of the three statutory partners decides by majority within
/// 48 hours; disagreement or no decision goes to the Executive Chair / Independent Scrutineer
/// (seed-001 §3). No deputies vote.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TamesideDecisionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "tameside", StatutoryPanel);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Two_to_one_decides_by_majority_only_once_the_consultation_with_the_Executive_Chair_is_recorded()
    {
        // seed-001 L14: "a majority decision will be taken in consultation with the Executive Chair/ Independent Scrutineer".
        var code = await _bot.ReferAsync(Bea);

        await _bot.VoteAsync(Lola, code, "rapid-review", "Bruising pattern is non-accidental.");
        var second = await _bot.VoteAsync(Pat, code, "no-further-action", "No evidence of abuse.");
        Assert.Contains("Your vote for the Police (GMP)", PanelBot.Words(second), StringComparison.Ordinal);
        await _bot.VoteAsync(Hana, code, "rapid-review", "Health records show missed appointments and neglect.");
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        await _bot.SayAsync(Lola, $"record {code} consulted I agree with myself");
        Assert.Contains("Only a business manager", await _bot.WaitForPersonalAsync(Lola, "Only a business manager"), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<ConsultationRecorded>(code, CaseEventTypes.ConsultationRecorded));

        await _bot.SayAsync(Bea, $"record {code} consulted Executive Chair agreed with the majority by phone");

        var answer = await _bot.WaitForPersonalAsync(Bea, "Recorded the consultation");
        Assert.Contains("Decision: Meets threshold for Rapid Review", answer, StringComparison.Ordinal);
        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Contains("2 of 3 seats voted for Meets threshold for Rapid Review, a majority", decision.Rationale, StringComparison.Ordinal);
        var consulted = Assert.Single(await _bot.EventsAsync<ConsultationRecorded>(code, CaseEventTypes.ConsultationRecorded));
        Assert.Equal("independent-scrutineer", consulted.Seat);
    }

    [Fact]
    public async Task A_deputy_cannot_vote_and_when_48_hours_pass_without_a_quorum_the_scrutineer_route_is_invoked()
    {
        var code = await _bot.ReferAsync(Bea, receivedAt: PanelBot.Monday10am.AddHours(-1));
        await _bot.VoteAsync(Lola, code, "rapid-review", "Serious harm.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Abuse suspected.");

        var deputy = await _bot.VoteAsync(Dev, code, "rapid-review", "Covering for health.");
        Assert.Contains("do not let a deputy vote", PanelBot.Words(deputy), StringComparison.Ordinal);
        Assert.Equal(2, (await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast)).Count);

        // 48 hours after receipt (Monday 09:00) is Wednesday 09:00.
        await _bot.JumpAndFireTimersAsync(PanelBot.Monday10am.AddHours(46));
        Assert.Empty(await _bot.EventsAsync<DecisionEscalated>(code, CaseEventTypes.DecisionEscalated));
        await _bot.JumpAndFireTimersAsync(PanelBot.Monday10am.AddHours(48));

        var escalated = Assert.Single(await _bot.EventsAsync<DecisionEscalated>(code, CaseEventTypes.DecisionEscalated));
        Assert.Contains("only 2 of the 3 votes", escalated.Reason, StringComparison.Ordinal);
        var told = await _bot.WaitForPersonalAsync(Bea, "the threshold decision is escalated");
        Assert.Contains("Independent Scrutineer", told, StringComparison.Ordinal);
        await _bot.SharedCardAsync(code, json => json.Contains("Escalated:", StringComparison.Ordinal), "the escalation on the thread card");

        // The business manager records the outcome agreed with the scrutineer, with its rationale.
        var form = await _bot.PressAsync(Bea, code, "refresh");
        Assert.Contains("Record how the escalation was resolved", PanelBot.Words(form), StringComparison.Ordinal);
        var resolved = await _bot.PressAsync(Bea, code, "decide-alone", new JsonObject { ["outcome"] = "rapid-review", ["rationale"] = "Majority view confirmed with the Independent Scrutineer." });

        Assert.Contains("Decision: Meets threshold for Rapid Review", PanelBot.Words(resolved), StringComparison.Ordinal);
        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Equal("escalation", decision.DecidedBy);
    }
}
