namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// "Referral for consideration for a Child Safeguarding Practice Review" (the West Midlands toolkit's
/// Document 1a; domain spec seed-003 §2.4), field by field. Its family, agency and chronology tables
/// are free rows and are left to the person reading the form.
/// </summary>
public static class PracticeReviewReferralForm
{
    public const string Title = "Referral for consideration for a Child Safeguarding Practice Review";

    public const string Background = "Background Information";
    public const string AgencyReferral = "Agency Referral";
    public const string SafeguardingLead = "Please give the details of the designated safeguarding lead";
    public const string Overview = "Section 1: Brief Overview of Child and Family Composition";
    public const string ChildDetails = "1.1 Child's Details";
    public const string FamilyMembers = "1.2 Details of Family Members and any Significant Others";
    public const string OtherAgencies = "1.3 Other Agencies Known to be Involved";
    public const string CaseBackground = "Section 2: Case Background";
    public const string Submission = "Section 3: Advice and Submission of this Form";

    public static ReferralFormDefinition Definition { get; } = new(
        Title,
        [Background, AgencyReferral, SafeguardingLead, Overview, ChildDetails, FamilyMembers, OtherAgencies, CaseBackground, Submission],
        [
            new("childName", Background, "Name of Child", FieldKind.Text),
            new("referralDate", Background, "Date of Referral", FieldKind.Date),
            new("referrerName", AgencyReferral, "NAME", FieldKind.Text),
            new("referrerOrganisation", AgencyReferral, "AGENCY & DESIGNATION/TITLE", FieldKind.Text),
            new("referrerContact", AgencyReferral, "CONTACT DETAILS", FieldKind.Text, LabelIsPrefix: true),
            new("safeguardingLeadName", SafeguardingLead, "NAME", FieldKind.Text),
            new("safeguardingLeadAgency", SafeguardingLead, "AGENCY & DESIGNATION/TITLE", FieldKind.Text),
            new("safeguardingLeadContact", SafeguardingLead, "CONTACT DETAILS", FieldKind.Text, LabelIsPrefix: true),
            new("childDateOfBirth", ChildDetails, "Date of Birth & Age", FieldKind.Text),
            new("childNhsNumber", ChildDetails, "NHS Number (if known)", FieldKind.Text),
            new("childHomeAddress", ChildDetails, "Home Address", FieldKind.Text),
            new("childGender", ChildDetails, "Gender", FieldKind.Text),
            new("childEthnicity", ChildDetails, "Ethnic Origin", FieldKind.Text),
            new("childReligion", ChildDetails, "Faith/Religion", FieldKind.Text),
            new("childDisability", ChildDetails, "Disability", FieldKind.Text),
            new("lookedAfter", ChildDetails, "Is the child/young person looked after?", FieldKind.DropDown),
            new("childProtectionPlan", ChildDetails, "Is the child/young person currently subject to a child protection plan", FieldKind.Text, LabelIsPrefix: true),
            new("openToSocialCare", ChildDetails, "Is the child/young person open to Children's Social Care", FieldKind.Text, LabelIsPrefix: true),
            new("deathOrIncidentDate", ChildDetails, "Date of Death or Serious Incident", FieldKind.Text, LabelIsPrefix: true),
            new("incidentLocation", ChildDetails, "Address of location of incident", FieldKind.Text),
            new("carerAtIncident", ChildDetails, "Carer at time of incident", FieldKind.Text),
            new("criminalInvestigation", ChildDetails, "Is this case known to be the subject of a criminal investigation", FieldKind.Text, LabelIsPrefix: true),
            new("coronersInquiry", ChildDetails, "Is this case known to be the subject of a Coroner's Inquiry", FieldKind.Text, LabelIsPrefix: true),
            new("adultSafeguardingConcerns", ChildDetails, "Are there any adult safeguarding concerns", FieldKind.Text, LabelIsPrefix: true),
            new("siblingsSafeguarding", FamilyMembers, "What action has been undertaken to safeguard and protect any siblings", FieldKind.Text, LabelIsPrefix: true),
            new("incidentOutline", CaseBackground, "Brief outline of the child and family circumstances", FieldKind.Text, LabelIsPrefix: true),
            new("reasonForReferral", CaseBackground, "Please outline why you are making this referral", FieldKind.Text, LabelIsPrefix: true),
            new("otherConsiderations", CaseBackground, "Please add any additional information", FieldKind.Text, LabelIsPrefix: true),
        ],
        null,
        [],
        null,
        []);
}
