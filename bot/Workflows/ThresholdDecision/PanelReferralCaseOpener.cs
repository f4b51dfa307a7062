using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Workflows.Intake;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// A referral that arrives by email goes to the panel as soon as mail intake has opened its case:
/// intake's opener records the case and the referral as read, then the case's thread is posted in
/// the panel channel. Posting again for the same case (intake retrying) does nothing.
/// </summary>
public sealed partial class PanelReferralCaseOpener(
    ProcessReferralCaseOpener opener,
    PostToPanel panel,
    ILogger<PanelReferralCaseOpener> logger) : IReferralCaseOpener
{
    public Task<string> ReserveCodeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        opener.ReserveCodeAsync(receivedAt, cancellationToken);

    public async Task<OpenedCase> OpenAsync(string caseCode, ReferralIntake intake, CancellationToken cancellationToken)
    {
        var opened = await opener.OpenAsync(caseCode, intake, cancellationToken).ConfigureAwait(false);
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
