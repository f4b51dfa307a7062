using TeamsReviewBot.Process.Intake;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>The case a referral opened.</summary>
public sealed record OpenedCase(string CaseCode, bool NewlyOpened);

/// <summary>
/// Opens a case for a referral. The code is reserved first (and stored by intake against the
/// message) so that a retry after a crash opens the same case, never a second one.
/// </summary>
public interface IReferralCaseOpener
{
    Task<string> ReserveCodeAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken);

    Task<OpenedCase> OpenAsync(string caseCode, ReferralIntake intake, CancellationToken cancellationToken);

    /// <summary>True when the referrer has already been sent the acknowledgement for this case.</summary>
    Task<bool> WasAcknowledgedAsync(string caseCode, CancellationToken cancellationToken);

    Task RecordAcknowledgementAsync(string caseCode, string? internetMessageId, CancellationToken cancellationToken);

    /// <summary>Records the date by which the National Panel said it would respond.</summary>
    Task RecordPanelResponseDateAsync(string caseCode, DateOnly expected, string internetMessageId, CancellationToken cancellationToken);
}
