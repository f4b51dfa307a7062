using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>West Midlands: the local authority decides notification, consulting the other partners;
/// where they disagree the local authority decides (seed-003 §3.1, §4). Window: 2 working days.</summary>
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
    public async Task The_local_authority_has_the_final_say_over_two_disagreeing_partners()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Pat, code, "no-further-action", "No crime disclosed.");
        await _bot.VoteAsync(Hana, code, "no-further-action", "Injury explained by a medical condition.");
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        var la = await _bot.VoteAsync(Lola, code, "rapid-review", "Social care history shows escalating neglect; we will notify.");

        Assert.Contains("Decision: Notify and undertake a Rapid Review", PanelBot.Words(la), StringComparison.Ordinal);
        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Contains("the local authority has the final say", decision.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_window_passes_with_only_the_local_authority_voting_its_vote_decides()
    {
        var code = await _bot.ReferAsync(Bea, receivedAt: PanelBot.Monday10am.AddHours(-1));
        await _bot.VoteAsync(Lola, code, "no-further-action", "Not notifiable: no abuse or neglect suspected.");
        Assert.Empty(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));

        // Day 0 is Monday; the decision is due at the end of working day 2, Wednesday.
        await _bot.JumpAndFireTimersAsync(PanelBot.Monday10am.AddDays(3));

        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Equal("no-further-action", decision.Outcome);
        var letter = (await _bot.WaitForSentMailAsync(code)).GetProperty("body").GetString()!;
        Assert.Contains("Not notifiable: no abuse or neglect suspected.", letter, StringComparison.Ordinal);
    }
}
