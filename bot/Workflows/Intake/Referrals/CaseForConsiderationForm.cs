namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// The "Case for Consideration" form (domain spec seed-004 §2.3), field by field: who raises it,
/// the first child's row of the family table (labels above the columns), the four threshold
/// questions, the case summary and the child protection background. The "Record of Decision" part
/// is completed by the partnership and not read from the referral.
/// </summary>
public static class CaseForConsiderationForm
{
    public const string Title = "Case for Consideration";

    public const string Top = "";
    public const string Children = "Name(s) and date(s) of birth of child(ren)";
    public const string Adults = "Name(s) and date(s) of birth of parents and other significant adults";
    public const string DetailsOfConcern = "Details of Concern";
    public const string Background = "Background";
    public const string RecordOfDecision = "Record of Decision";

    public static ReferralFormDefinition Definition { get; } = new(
        Title,
        [Children, Adults, DetailsOfConcern, Background, RecordOfDecision],
        [
            new("referralFor", Top, "Is this referral for", FieldKind.DropDown),
            new("referrerName", Top, "Name / Role", FieldKind.Text),
            new("referrerOrganisation", Top, "Agency", FieldKind.Text),
            new("childName", Children, "Name", FieldKind.Text),
            new("childDateOfBirth", Children, "Date of Birth", FieldKind.Text),
            new("childHomeAddress", Children, "Address/Postcode", FieldKind.Text),
            new("abuseKnownOrSuspected", DetailsOfConcern, "Is it known or suspected that the child has been abused or neglected", FieldKind.DropDown, LabelIsPrefix: true),
            new("diedOrSeriouslyHarmed", DetailsOfConcern, "Has the child died or been seriously harmed as a result of abuse or neglect", FieldKind.DropDown, LabelIsPrefix: true),
            new("knownAntecedent", DetailsOfConcern, "Was the incident related to a known antecedent or condition", FieldKind.DropDown, LabelIsPrefix: true),
            new("wouldHaveDiedWithoutIntervention", DetailsOfConcern, "Would the child have died without intervention", FieldKind.DropDown, LabelIsPrefix: true),
            new("incidentOutline", DetailsOfConcern, "Case Summary", FieldKind.Text, LabelIsPrefix: true),
            new("harmToChild", DetailsOfConcern, "What harm has come to the child", FieldKind.Text, LabelIsPrefix: true),
            new("partnershipWorkingConcerns", DetailsOfConcern, "Are there any concerns as to the way in which partner organisations have worked together", FieldKind.Text, LabelIsPrefix: true),
            new("otherConsiderations", DetailsOfConcern, "Any other information relevant to decision", FieldKind.Text, LabelIsPrefix: true),
            new("childProtectionPlan", Background, "Is/are the child(ren) currently or previously subject of a Child Protection Plan", FieldKind.Text, LabelIsPrefix: true),
            new("childProtectionPlanCategory", Background, "Category", FieldKind.Text),
            new("childProtectionPlanStarted", Background, "Date CPP started", FieldKind.Date),
            new("childProtectionPlanEnded", Background, "Date CPP ended", FieldKind.Date),
            new("educationHealthCarePlan", Background, "Is/are the child(ren) currently or previously subject of a Education, Health and Care Plan", FieldKind.Text, LabelIsPrefix: true),
        ],
        null,
        [],
        null,
        []);
}
