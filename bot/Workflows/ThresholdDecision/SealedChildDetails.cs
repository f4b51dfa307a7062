using System.Globalization;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>The child's details as the vault seals them apart from the case stream, and back.</summary>
public static class SealedChildDetails
{
    /// <summary>The child's details from the sealed referral (the form's keys, or the refer form's).</summary>
    public static ChildDetails Child(SealedReferral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new ChildDetails(
            referral.Value("childName") ?? "not given",
            IntakeReferralReading.ParseDate(referral.Value("childDateOfBirth")),
            referral.Value("childHomeAddress") ?? referral.Value("childAddress") ?? "not given");
    }

    /// <summary>What the refer form's child's details are sealed as.</summary>
    public static SealedReferral Sealed(ChildDetails child)
    {
        ArgumentNullException.ThrowIfNull(child);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["childName"] = child.Name, ["childAddress"] = child.Address };
        if (child.DateOfBirth is { } born)
        {
            fields["childDateOfBirth"] = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return new SealedReferral(fields, new Dictionary<string, string>(StringComparer.Ordinal));
    }
}
