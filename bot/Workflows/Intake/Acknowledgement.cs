using TeamsReviewBot.GraphIntegration.Mail;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>The acknowledgement a referrer receives: the case code and what happens next, and
/// nothing from the referral itself (mail can be forwarded).</summary>
public static class Acknowledgement
{
    /// <summary>One acknowledgement per case, however many times intake retries.</summary>
    public static string OnceKey(string caseCode) => "acknowledgement:" + caseCode;

    public static OutboundMail For(string caseCode, string referrerAddress) => new(
        [referrerAddress],
        $"Referral received: {caseCode}",
        $"""
        Thank you for your referral to the Safeguarding Children Partnership.

        It has been received and logged as case {caseCode}. Please quote {caseCode} in the subject of any
        further e-mail about this child, and send any further information to this mailbox.

        The statutory partners will now consider whether the case meets the criteria for a Rapid Review,
        and we will tell you their decision and its rationale.

        This is an automatic acknowledgement; it does not repeat the details of the referral.
        """);
}
