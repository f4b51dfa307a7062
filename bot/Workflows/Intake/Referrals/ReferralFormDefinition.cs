namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// A referral form as data: its section titles, its fields with the labels printed beside them,
/// its tick boxes and the agencies it lists. The reader tries every known form and keeps the one
/// whose fields it recognises best.
/// </summary>
public sealed record ReferralFormDefinition(
    string Name,
    IReadOnlyList<string> Sections,
    IReadOnlyList<FormFieldDefinition> Fields,
    string? CaseFactorsSection,
    IReadOnlyList<string> CaseFactors,
    string? AgenciesSection,
    IReadOnlyList<string> AgencyNames)
{
    /// <summary>The forms intake can read.</summary>
    public static IReadOnlyList<ReferralFormDefinition> Known { get; } =
    [
        GmNotificationForm.Definition,
        PracticeReviewReferralForm.Definition,
        CaseForConsiderationForm.Definition,
        TamesidePartAForm.Definition,
    ];
}
