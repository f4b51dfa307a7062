using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Process.Intake;

/// <summary>
/// A referral as it arrived: which message, when, from whom, what its form said (null when it had
/// to be read by a person), which attachments were refused and why, and whether it is a referral
/// or a Serious Incident Notification.
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
    string ReferralKind = CaseRules.Referral);
