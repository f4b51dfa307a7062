using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardHandlers;

/// <summary>"View referral details": the child's details in the answer to this person's own
/// invoke (a view only they see), recorded on the case. Others are refused on the case's record.</summary>
public sealed class ViewReferralCardHandler(PanelCardViews cards) : ICardActionHandler
{
    public string Verb => PanelCards.ViewReferralVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => "Only panel members and business managers can see the referral's details.";

    public Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.IsAutomaticRefresh)
        {
            // A refresh never opens the child's details by itself.
            return cards.ViewAsync(action.DataString("caseCode") ?? string.Empty, action.Actor, cancellationToken);
        }

        if (SubmitFallbackAnswers.IsFallback(action))
        {
            // The answer would replace the card in the channel for everyone: never the child's details.
            return Task.FromResult(CardActionResult.Message("This Teams client cannot show a view only you can see, so the referral's details were not shown. Open the case's card in the current Teams client (desktop, web or mobile)."));
        }

        return action.DataString("caseCode") is { Length: > 0 } caseCode
            ? cards.ViewReferralAsync(caseCode, action.Actor, cancellationToken)
            : Task.FromResult(CardActionResult.Message("This card does not say which case it is about."));
    }
}
