using TeamsReviewBot.GraphIntegration.Mail;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// A stage that expects mail on a case besides the information requests' replies (a lesson log, a
/// re-submitted referral). Intake offers it each non-automatic message first; it returns what it
/// did, in words fit for a log line, or null when the message is not for it.
/// </summary>
public interface ICaseMailFollowUp
{
    Task<string?> TakeAsync(InboundMail mail, CancellationToken cancellationToken);
}
