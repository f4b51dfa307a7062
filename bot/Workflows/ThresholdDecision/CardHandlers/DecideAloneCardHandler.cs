using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams.CardActions;

namespace TeamsReviewBot.Workflows.ThresholdDecision.CardHandlers;

/// <summary>A business manager decides alone (where the playbook allows it) or records how an
/// escalated decision was resolved. Others are refused on the case's record.</summary>
public sealed class DecideAloneCardHandler(DecideAlone decideAlone) : ICardActionHandler
{
    public string Verb => PanelCards.DecideAloneVerb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole>();

    public string RefusalSentence => "Only a business manager can decide alone.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.DataString("caseCode") is not { Length: > 0 } caseCode)
        {
            return CardActionResult.Message("This card does not say which case it is about; nothing was recorded.");
        }

        var outcome = action.DataString("outcomeAlone") ?? action.DataString("outcome") ?? string.Empty;
        var result = await decideAlone.DecideAsync(caseCode, action.Actor, outcome, action.DataString("rationale") ?? string.Empty, cancellationToken).ConfigureAwait(false);
        return SubmitFallbackAnswers.Public(action, result, "The panel card shows where the case now stands.");
    }
}
