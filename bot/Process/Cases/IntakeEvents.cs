using TeamsReviewBot.Process.Intake;

namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// The events mail intake adds to a case stream beside the process's CaseOpened: the record of what
/// the referral said and what intake did. <see cref="CaseFold"/> reads them into the case's state.
/// </summary>
public static class IntakeEventTypes
{
    /// <summary>The referral as read: message ids, sender, form fields (with flags), tick boxes, refused attachments. The child's details and free text are not in it: they are sealed apart, and "sealedAs" names the record.</summary>
    public const string ReferralReceived = "ReferralReceived";

    /// <summary>The referrer was sent the acknowledgement with the case code.</summary>
    public const string ReferrerAcknowledged = "ReferrerAcknowledged";

    /// <summary>The National Panel wrote with the date by which it expects to respond.</summary>
    public const string NationalPanelResponseExpected = "NationalPanelResponseExpected";
}

/// <summary>
/// The referral as mail intake read it. <paramref name="Intake"/> is the message and its form as read,
/// with the child's details and free text left out;
/// <paramref name="SealedAs"/> names the sealed record holding the child's details, and
/// <paramref name="IncidentCategory"/> and <paramref name="AgeBand"/> are what the panel card shows,
/// worked out while those details were at hand. Referrals recorded before the details were sealed
/// carry none of the three.
/// </summary>
/// <paramref name="ChildResidenceAuthority"/> and <paramref name="IncidentAuthority"/> are the local
/// authorities the form names (the GM form's "Notifying Area"); null where the form has no such
/// field or it was left blank, and on referrals recorded before they were read.
public sealed record ReferralReceived(string? InternetMessageId, ReferralIntake? Intake, string? SealedAs = null, string? IncidentCategory = null, string? AgeBand = null, string? ChildResidenceAuthority = null, string? IncidentAuthority = null);

/// <summary>The acknowledgement went out; <paramref name="InternetMessageId"/> is the message it answered, when known.</summary>
public sealed record ReferrerAcknowledged(string? InternetMessageId);

/// <summary>The National Panel's message <paramref name="InternetMessageId"/> said it would respond by <paramref name="ExpectedResponseDate"/>.</summary>
public sealed record NationalPanelResponseExpected(string InternetMessageId, DateOnly ExpectedResponseDate);
