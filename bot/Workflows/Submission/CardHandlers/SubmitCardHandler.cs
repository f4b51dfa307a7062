using System.Globalization;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Submission.CardHandlers;

/// <summary>"Submit" on the submission card: business managers only (the router refuses and audits
/// anyone else). Answers with the card as it now stands: submitted, or the reason it was not.</summary>
public sealed class SubmitCardHandler(SubmissionService submissions, SubmissionViews views, CaseService cases) : ICardActionHandler
{
    public string Verb => SubmissionCard.Verb;

    public IReadOnlySet<PartnershipRole> AllowedRoles { get; } = new HashSet<PartnershipRole> { PartnershipRole.BusinessManager };

    public string RefusalSentence => "Only a business manager can submit a report to the National Panel; nothing was sent.";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.DataString("caseCode") is not { Length: > 0 } caseCode
            || !int.TryParse(action.DataString("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return CardActionResult.Message("This card does not say which case and report version it is about; nothing was sent.");
        }

        var result = await submissions.SubmitAsync(caseCode, CaseActors.From(action.Actor), action.DataString("reason"), version, cancellationToken).ConfigureAwait(false);
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        return state?.CurrentReportVersion is null
            ? CardActionResult.Message(result.Message)
            : CardActionResult.Card(SubmissionCard.Personal(views.Card(state), result.Message));
    }
}
