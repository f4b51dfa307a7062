namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>The kind of control a field is on the form.</summary>
public enum FieldKind
{
    Text,
    DropDown,
    Date,
}

/// <summary>A field of a referral form: its key, the section it sits in and the label printed beside it.</summary>
public sealed record FormFieldDefinition(string Key, string Section, string Label, FieldKind Kind, bool LabelIsPrefix = false);

/// <summary>
/// The Greater Manchester Serious Child Safeguarding Case Notification Form, field by field in the
/// order the form prints them (domain spec seed-000 §2.2; the same form is used across Greater
/// Manchester). Section titles and labels are matched after normalising case, dashes and spacing.
/// </summary>
public static class GmNotificationForm
{
    public const string Title = "Greater Manchester Serious Child Safeguarding Case Notification Form";

    public const string NotifyingArea = "Notifying Area";
    public const string ReferrerDetails = "Referrer Details";
    public const string CaseFactorsSection = "Case Factors";
    public const string ChildAndIncident = "Child and Incident";
    public const string ParentCarer1 = "Parent/Carer 1";
    public const string ParentCarer2 = "Parent/Carer 2";
    public const string Siblings = "Siblings";
    public const string OtherSignificantPeople = "Other Significant People to the Child";
    public const string Agencies = "Agencies Working With the Child/Children/Family";
    public const string ManagementOversight = "Management Oversight and Immediate Safeguarding";
    public const string BusinessUnit = "For Completion By The Partnership Business Unit";

    public static IReadOnlyList<string> Sections { get; } =
    [
        NotifyingArea, ReferrerDetails, CaseFactorsSection, ChildAndIncident, ParentCarer1, ParentCarer2,
        Siblings, OtherSignificantPeople, Agencies, ManagementOversight, BusinessUnit,
    ];

    public static IReadOnlyList<FormFieldDefinition> Fields { get; } =
    [
        new("childResidenceAuthority", NotifyingArea, "Local Authority where child ordinarily resides", FieldKind.DropDown),
        new("incidentAuthority", NotifyingArea, "Local Authority where incident occurred", FieldKind.DropDown),

        new("referralDate", ReferrerDetails, "Date of Referral", FieldKind.Date),
        new("natureOfIncident", ReferrerDetails, "Nature of Incident", FieldKind.DropDown),
        new("incidentDate", ReferrerDetails, "Date of Incident", FieldKind.Date),
        new("mainTypeOfAbuse", ReferrerDetails, "Main Type of Abuse", FieldKind.DropDown),
        new("numberOfSubjectChildren", ReferrerDetails, "Number of Subject Children", FieldKind.Text),
        new("referrerName", ReferrerDetails, "Referrer Name", FieldKind.Text),
        new("referrerOrganisation", ReferrerDetails, "Referrer Organisation", FieldKind.Text),
        new("referrerTelephone", ReferrerDetails, "T", FieldKind.Text),
        new("referrerEmail", ReferrerDetails, "E", FieldKind.Text),

        new("childName", ChildAndIncident, "Child's Name", FieldKind.Text),
        new("childOtherNames", ChildAndIncident, "Child known by any other name", FieldKind.Text),
        new("childDateOfBirth", ChildAndIncident, "Child's DOB", FieldKind.Text),
        new("childHomeAddress", ChildAndIncident, "Home address", FieldKind.Text),
        new("childBirthSex", ChildAndIncident, "Child's Birth Sex", FieldKind.DropDown),
        new("childGenderIdentity", ChildAndIncident, "Child's Gender Identity", FieldKind.DropDown),
        new("childEthnicity", ChildAndIncident, "Ethnicity", FieldKind.DropDown),
        new("childReligion", ChildAndIncident, "Religion", FieldKind.DropDown),
        new("childDisability", ChildAndIncident, "Disability/SEND", FieldKind.DropDown),
        new("childDisabilityDetails", ChildAndIncident, "Disability - if yes provide details", FieldKind.Text),
        new("childEducation", ChildAndIncident, "Details of Education Provision", FieldKind.Text),
        new("penPicture", ChildAndIncident, "Pen Picture of the child and family", FieldKind.Text, LabelIsPrefix: true),
        new("incidentOutline", ChildAndIncident, "Incident Outline", FieldKind.Text, LabelIsPrefix: true),
        new("socialWorkInvolvement", ChildAndIncident, "Is there any current or previous social work involvement with this child/children", FieldKind.DropDown),
        new("socialWorkDetail", ChildAndIncident, "Provide detail if previous or current", FieldKind.Text),
        new("thresholdAtIncident", ChildAndIncident, "Threshold at time of the incident", FieldKind.DropDown),

        new("parent1Name", ParentCarer1, "Name", FieldKind.Text),
        new("parent1DateOfBirth", ParentCarer1, "DOB", FieldKind.Text),
        new("parent1Address", ParentCarer1, "Address", FieldKind.Text),
        new("parent1Relationship", ParentCarer1, "Relationship to child", FieldKind.Text),
        new("parent1Ethnicity", ParentCarer1, "Ethnicity", FieldKind.DropDown),
        new("parent1Disability", ParentCarer1, "Disability/SEND", FieldKind.DropDown),
        new("parent1DisabilityDetails", ParentCarer1, "Disability - if yes provide details", FieldKind.Text),

        new("parent2Name", ParentCarer2, "Name", FieldKind.Text),
        new("parent2DateOfBirth", ParentCarer2, "DOB", FieldKind.Text),
        new("parent2Address", ParentCarer2, "Address", FieldKind.Text),
        new("parent2Ethnicity", ParentCarer2, "Ethnicity", FieldKind.DropDown),
        new("parent2Disability", ParentCarer2, "Disability/SEND", FieldKind.DropDown),
        new("parent2DisabilityDetails", ParentCarer2, "Disability - if yes provide details", FieldKind.Text),

        new("discussedWithManager", ManagementOversight, "Have you discussed the referral with a manager/DSL?", FieldKind.DropDown),
        new("discussedWithManagerDetails", ManagementOversight, "Provide details where appropriate", FieldKind.Text),
        new("localAuthorityReportedIncident", ManagementOversight, "Has the Local Authority reported a serious child safeguarding incident?", FieldKind.DropDown),
        new("actionTakenToKeepSafe", ManagementOversight, "Where needed, has action been taken to keep the child or other children safe?", FieldKind.DropDown),
        new("actionTakenDetails", ManagementOversight, "Provide detail of action taken", FieldKind.Text),
        new("otherConsiderations", ManagementOversight, "Any other considerations", FieldKind.Text, LabelIsPrefix: true),
    ];

    /// <summary>The 44 Case Factors tick boxes in source order; the last has a free-text detail.</summary>
    public static IReadOnlyList<string> CaseFactors { get; } =
    [
        "Familial Sexual abuse", "Child's emotional health and well-being", "Young Parent (under 18)", "Sexually Harmful Behaviour",
        "Child Suicide", "Parental experience of ACEs", "Neglect", "Pattern of Fixed Term or Permanent Exclusion from Education",
        "Parent is care experienced", "Emotional abuse", "Child Long-standing health condition", "Parental mental health",
        "Physical abuse", "Pattern of missing from home/care", "Parental Long-standing health condition",
        "Child anti-social behaviour or criminal activity", "Young carer", "Parental Criminal Activity", "Criminal Exploitation",
        "Trafficking/modern slavery", "Weapons", "Sexual Exploitation", "Loss/Bereavement", "Accidental Injury/Poor Supervision",
        "Fabricated or Induced Illness/Perplexing Presentation", "Resident in Regulated Setting", "Unsafe sleep environment",
        "Abusive Head Trauma", "Child Detained under Mental health Act 1983", "Domestic abuse", "Child experience of multiple ACEs",
        "Persistently Absent from Education", "Social Media", "Child's Liberty Deprived", "Regular restraint of Child",
        "Extremism and/or Radicalisation", "Alcohol misuse - Child", "Alcohol misuse - Parent", "Self-harm/Suicide attempts",
        "Drug misuse - Child", "Drug misuse - Parent", "Parent in Care", "Gender Identity/Gender Dysphoria", "Other - please detail",
    ];

    /// <summary>The agencies the form lists as possibly working with the family.</summary>
    public static IReadOnlyList<string> AgencyNames { get; } =
    [
        "Adult Social Care", "Midwifery", "Childrens Social Care", "Police", "Domestic Abuse", "Primary School",
        "Adult Substance Misuse", "Probation", "Childrens Substance Misuse", "PRU/Alternative Provision", "Early Years",
        "School Nurse", "Faith Group", "Secondary School", "Further Education", "SEND Education", "GP",
        "Voluntary/Community", "Health Visitor", "Youth Offending Team", "Housing", "Youth Services",
        "Adult Mental Health", "Other", "Child Mental Health",
    ];

    public static ReferralFormDefinition Definition { get; } =
        new(Title, Sections, Fields, CaseFactorsSection, CaseFactors, Agencies, AgencyNames);
}
