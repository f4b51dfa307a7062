using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>West Midlands: the three Safeguarding Partners agree which incidents are notified;
/// where they disagree the dispute resolution protocol is followed (seed-003 [L145]). There is no
/// local authority final say. Day 0 is when the partnership became aware [L163]. Window: 2 working days.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class WestMidlandsDecisionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "west-midlands", StatutoryPanel);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_partner_disagreeing_is_recorded_as_a_dispute_with_its_deadline_and_the_partners_it_goes_to()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Pat, code, "no-further-action", "No crime disclosed.");
        await _bot.VoteAsync(Hana, code, "no-further-action", "Injury explained by a medical condition.");
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        await _bot.VoteAsync(Lola, code, "rapid-review", "Social care history shows escalating neglect; we would notify.");

        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        var dispute = Assert.Single(await _bot.EventsAsync<DecisionEscalated>(code, CaseEventTypes.DecisionEscalated));
        Assert.Equal(["la", "police", "health"], dispute.DisputeRecipients!);
        // Day 0 Monday 23 November 2026; the notification deadline, 5 working days on, is Monday 30 November.
        Assert.Contains("must be resolved by Monday 30 November 2026, 5 pm", dispute.Reason, StringComparison.Ordinal);
        var told = await _bot.WaitForPersonalAsync(Bea, "the threshold decision is escalated");
        Assert.Contains("dispute resolution protocol", told, StringComparison.Ordinal);
        Assert.DoesNotContain("final say", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_business_manager_sets_when_the_partnership_became_aware_and_the_decision_window_follows()
    {
        var code = await _bot.ReferAsync(Bea);

        await _bot.SayAsync(Bea, $"record {code} aware 19/11/2026");

        var answer = await _bot.WaitForPersonalAsync(Bea, "became aware");
        Assert.Contains("Day 0 is now Thursday 19 November 2026", answer, StringComparison.Ordinal);
        var aware = Assert.Single(await _bot.EventsAsync<AwarenessRecorded>(code, CaseEventTypes.AwarenessRecorded));
        Assert.Equal(new DateOnly(2026, 11, 19), aware.DayZero);

        // Two working days from Thursday is Monday 23 November at 5 pm: the window closes with only the local authority's vote.
        await _bot.VoteAsync(Lola, code, "rapid-review", "Neglect known to three agencies.");
        await _bot.JumpAndFireTimersAsync(PanelBot.Monday10am.AddHours(8));

        var escalated = Assert.Single(await _bot.EventsAsync<DecisionEscalated>(code, CaseEventTypes.DecisionEscalated));
        Assert.Contains("Monday 23 November 2026", escalated.Reason, StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
    }
}
