namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// The events intake adds to a case stream after the process core's CaseOpened. The case fold
/// passes over them; they are the record of what the referral said and what intake did.
/// </summary>
public static class IntakeEventTypes
{
    /// <summary>The referral as read: message ids, sender, form fields (with flags), tick boxes, refused attachments. The child's details and free text are not in it: they are sealed apart (ReferralVault), and "sealedAs" names the record.</summary>
    public const string ReferralReceived = "ReferralReceived";

    /// <summary>The referrer was sent the acknowledgement with the case code.</summary>
    public const string ReferrerAcknowledged = "ReferrerAcknowledged";

    /// <summary>The National Panel wrote with the date by which it expects to respond.</summary>
    public const string NationalPanelResponseExpected = "NationalPanelResponseExpected";
}
