using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardHandlers;

/// <summary>Teams asks for one person's view of a panel card (refresh, or "Open my vote card"):
/// a voter gets their own vote card, everyone else the shared one. Reads only.</summary>
public sealed class RefreshPanelCardHandler(PanelCardViews cards) : ICardActionHandler
{
    public string Verb => PanelCards.RefreshVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => string.Empty;

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.DataString("caseCode") is not { Length: > 0 } caseCode)
        {
            return CardActionResult.Message("This card does not say which case it is about.");
        }

        var result = await cards.ViewAsync(caseCode, action.Actor, cancellationToken).ConfigureAwait(false);
        return SubmitFallbackAnswers.Public(action, result, "This Teams client cannot show a card only you can see. Open the case's card in the current Teams client (desktop, web or mobile) to vote.");
    }
}
