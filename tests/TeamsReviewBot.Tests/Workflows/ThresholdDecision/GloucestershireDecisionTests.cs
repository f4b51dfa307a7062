using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>Gloucestershire: the three statutory partners indicate on working days 1–2; on a split
/// decision the case proceeds to Rapid Review; every Serious Incident Notification proceeds without
/// a vote (seed-004 §3.1).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class GloucestershireDecisionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "gloucestershire", StatutoryPanel);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_split_proceeds_to_rapid_review_as_soon_as_it_appears()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Neglect over months.");

        var split = await _bot.VoteAsync(Pat, code, "no-further-action", "Single incident, accidental.");

        Assert.Contains("Decision: Rapid Review: yes", PanelBot.Words(split), StringComparison.Ordinal);
        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Contains("split", decision.Rationale, StringComparison.Ordinal);
        Assert.Equal(2, (await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast)).Count);
    }

    [Fact]
    public async Task A_serious_incident_notification_proceeds_without_a_vote()
    {
        var code = await _bot.ReferAsync(Bea, kind: "serious-incident-notification");

        var card = await _bot.Teams.WaitForCallAsync(c => c.Path == "/v3/conversations", "the case's thread");
        Assert.Contains("always proceeds to a Rapid Review", PanelBot.Words(card.Card), StringComparison.Ordinal);
        var decision = Assert.Single(await _bot.EventsAsync<DecisionRecorded>(code, CaseEventTypes.DecisionRecorded));
        Assert.Equal("rule", decision.DecidedBy);
        Assert.DoesNotContain(await _bot.StreamAsync(code), e => e.Type == CaseEventTypes.PutToPanel);

        var vote = await _bot.VoteAsync(Lola, code, "no-further-action", "I disagree.");
        Assert.Contains("already been made", PanelBot.Words(vote), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));
        var told = await _bot.WaitForPersonalAsync(Bea, "Information requests");
        Assert.Contains("Rapid Review: yes", told, StringComparison.Ordinal);
    }
}
