using TeamsReviewBot.Cards;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Teams.Identity;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardActions;

/// <summary>Teams asks for one person's view of a panel card (refresh, or "Open my vote card"):
/// a voter gets their own vote card, everyone else the shared one. Reads only.</summary>
public sealed class RefreshPanelCardAction(ThresholdDecisionService decisions) : ICardActionHandler
{
    public string Verb => PanelCards.RefreshVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => string.Empty;

    public Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken) =>
        action.DataString("caseCode") is { Length: > 0 } caseCode
            ? decisions.ViewAsync(caseCode, action.Actor, cancellationToken)
            : Task.FromResult(CardActionResult.Message("This card does not say which case it is about."));
}
