using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// A referral as it arrived: which message, when, from whom, what its form said (null when it had
/// to be read by a person), which attachments were refused and why, and whether it is a referral
/// or a Serious Incident Notification (<see cref="ReferralKindReader"/>).
/// </summary>
public sealed record ReferralIntake(
    string Mailbox,
    string InternetMessageId,
    string MessageId,
    string? WebLink,
    DateTimeOffset ReceivedAt,
    string? ReferrerAddress,
    ReferralDetails? Details,
    IReadOnlyList<string> RefusedAttachments,
    string ReferralKind = TeamsReviewBot.Process.Cases.CaseRules.Referral);

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
