using TeamsReviewBot.Cards;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Teams.Identity;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardActions;

/// <summary>"View referral details": the child's details in the answer to this person's own
/// invoke (a view only they see), recorded on the case. Others are refused on the case's record.</summary>
public sealed class ViewReferralCardAction(ThresholdDecisionService decisions) : ICardActionHandler
{
    public string Verb => PanelCards.ViewReferralVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => "Only panel members and business managers can see the referral's details.";

    public Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.IsAutomaticRefresh)
        {
            // A refresh never opens the child's details by itself.
            return decisions.ViewAsync(action.DataString("caseCode") ?? string.Empty, action.Actor, cancellationToken);
        }

        return action.DataString("caseCode") is { Length: > 0 } caseCode
            ? decisions.ViewReferralAsync(caseCode, action.Actor, cancellationToken)
            : Task.FromResult(CardActionResult.Message("This card does not say which case it is about."));
    }
}
