using System.Text.RegularExpressions;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Intake;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// Tells a Serious Incident Notification from a referral. Gloucestershire's clock runs "From
/// Notification Of SIN or Case for Consideration", and "All SIN are required to proceed to a Rapid
/// Review" (seed-004 L54, L126): the local authority's notification says what it is in its subject or
/// its text, while a Case for Consideration comes on its own form. A notification that carries a
/// Case for Consideration form is a referral; so is anything that does not call itself a notification.
/// </summary>
public static partial class ReferralKindReader
{
    public static string Of(string subject, string text, ReferralDetails? details)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        if (details?.Source.StartsWith(CaseForConsiderationForm.Title + " (DOCX)", StringComparison.Ordinal) == true)
        {
            return CaseRules.Referral;
        }

        return Notification().IsMatch(subject) || Notification().IsMatch(text)
            ? CaseRules.SeriousIncidentNotification
            : CaseRules.Referral;
    }

    // "Serious Incident Notification" in any case, or the abbreviation "SIN" in capitals as a word.
    [GeneratedRegex(@"(?i:\bserious\s+incident\s+notification\b)|\bSIN\b")]
    private static partial Regex Notification();
}
