using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardHandlers;

/// <summary>"Cast my vote" on a panel card. Open to anyone who can see the card: the seat check
/// happens on the case, so a refusal lands on the case's own audit trail.</summary>
public sealed class VoteCardHandler(CastVote votes) : ICardActionHandler
{
    public string Verb => PanelCards.VoteVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => "Only the panel's voting members can vote.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.DataString("caseCode") is not { Length: > 0 } caseCode)
        {
            return CardActionResult.Message("This card does not say which case it is about; nothing was recorded.");
        }

        var answers = PanelCards.ThresholdQuestions
            .Select(q => (q.Key, Value: action.DataString(q.Key)))
            .Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal);
        var input = new VoteInput(action.DataString("outcome") ?? string.Empty, action.DataString("rationale") ?? string.Empty, answers);
        var result = await votes.CastAsync(caseCode, action.Actor, input, cancellationToken).ConfigureAwait(false);
        return SubmitFallbackAnswers.Public(action, result, $"Thank you, {action.Actor.DisplayName}. The panel card shows who has voted so far.");
    }
}
