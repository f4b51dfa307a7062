using System.Globalization;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Submission.CardHandlers;

/// <summary>"Submit" on the submission card: business managers only (the router refuses and audits
/// anyone else). Answers with the card as it now stands: submitted, or the reason it was not; a
/// press storage fails under is answered from the case as stored.</summary>
public sealed class SubmitCardHandler(SubmissionService submissions, SubmissionViews views, CaseService cases, UnconfirmedClicks unconfirmed) : ICardActionHandler
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

        return await unconfirmed.AnswerAsync(
            caseCode,
            Verb,
            "the submission",
            async ct =>
            {
                var result = await submissions.SubmitAsync(caseCode, CaseActors.From(action.Actor), action.DataString("reason"), version, ct).ConfigureAwait(false);
                var state = await cases.FindAsync(caseCode, ct).ConfigureAwait(false);
                return Answer(state, result.Message);
            },
            (stored, _) => Task.FromResult(stored.Submission is { Version: { } sent } submission && sent == version
                ? Answer(stored, $"Version {sent} of the report was submitted to {submission.To} on {BritishDates.DateAndTime(submission.At)}.")
                : null),
            cancellationToken).ConfigureAwait(false);
    }

    private CardActionResult Answer(CaseState? state, string message) =>
        state?.CurrentReportVersion is null
            ? CardActionResult.Message(message)
            : CardActionResult.Card(SubmissionCard.Personal(views.Card(state), message));
}
