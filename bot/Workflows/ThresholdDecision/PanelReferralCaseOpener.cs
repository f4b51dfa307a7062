using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// A referral that arrives by email goes to the panel as it opens: intake's opener records the case,
/// the referral as read and its putting to the panel in one append, as the refer form does, and the
/// case's thread is posted as a step of the follow-up that append owes (<see cref="PanelThreadStep"/>):
/// after the acknowledgement as deployed, before it where follow-ups run before the reply, and again
/// after a crash or a post Teams refused, until it is on the case. A case decided on opening (no vote)
/// or opened by an earlier version without being put is posted here as before. Opening again for the
/// same case (intake retrying) posts nothing twice.
/// </summary>
public sealed partial class PanelReferralCaseOpener(
    ProcessReferralCaseOpener opener,
    CaseService cases,
    PostToPanel panel,
    ThreadFromFollowUp thread,
    ILogger<PanelReferralCaseOpener> logger) : IReferralCaseOpener
{
    public Task<string> ReserveCodeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        opener.ReserveCodeAsync(receivedAt, cancellationToken);

    public async Task<OpenedCase> OpenAsync(string caseCode, ReferralIntake intake, CancellationToken cancellationToken)
    {
        var opened = await opener.OpenAsync(caseCode, intake, putToPanel: true, cancellationToken).ConfigureAwait(false);
        var state = await cases.CurrentAsync(opened.CaseCode, cancellationToken).ConfigureAwait(false);
        if (state.Thread is not null)
        {
            return opened;
        }

        if (state.PutToPanelAt is { } put && put == state.OpenedAt)
        {
            // Still owed on the case's follow-up row when it fails: its next look posts it.
            if ((await thread.AwaitAsync(state, cancellationToken).ConfigureAwait(false)).Failure is { } notPosted)
            {
                LogNotPosted(logger, state.CaseCode, notPosted);
            }

            return opened;
        }

        if (await panel.PostAsync(opened.CaseCode, ProcessActor.System, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            // The case stays open and awaits the decision; a business manager can post it with put-to-panel.
            LogNotPosted(logger, opened.CaseCode, failure);
        }

        return opened;
    }

    public Task<bool> WasAcknowledgedAsync(string caseCode, CancellationToken cancellationToken) =>
        opener.WasAcknowledgedAsync(caseCode, cancellationToken);

    public Task RecordAcknowledgementAsync(string caseCode, string? internetMessageId, CancellationToken cancellationToken) =>
        opener.RecordAcknowledgementAsync(caseCode, internetMessageId, cancellationToken);

    public Task RecordPanelResponseDateAsync(string caseCode, DateOnly expected, string internetMessageId, CancellationToken cancellationToken) =>
        opener.RecordPanelResponseDateAsync(caseCode, expected, internetMessageId, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseCode} came by email but its panel thread could not be posted: {Failure}")]
    private static partial void LogNotPosted(ILogger logger, string caseCode, string failure);
}
