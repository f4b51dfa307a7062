namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// Tameside's "Rapid Review Referral Form", PART A (domain spec seed-001 §2.2; the seed's Appendix A,
/// lines 402–507), field by field with the labels it prints. Every field is free text typed into the
/// form's table: numbered section headings, "Label:" cells beside their value cells, and the free-text
/// sections' answers in the cell under their heading. There is no tick-box list and no e-mail field.
/// </summary>
public static class TamesidePartAForm
{
    public const string Title = "Rapid Review Referral Form (Tameside, Part A)";

    public const string Referrer = "Details of individual making referral";
    public const string Event = "Brief description of event leading to referral";
    public const string Abuse = "Detail of the known or suspected abuse";
    public const string Child = "Details of the child/young person";
    public const string AgencyWork = "Brief summary of work undertaken by your agency";
    public const string WhyReview = "Details of why, in your opinion, this case should be subject to a review?";
    public const string Additional = "Additional information: For example, is there media interest, are there criminal proceedings?";

    public static ReferralFormDefinition Definition { get; } = new(
        Title,
        [Referrer, Event, Abuse, Child, AgencyWork, WhyReview, Additional],
        [
            new("referrerName", Referrer, "Name", FieldKind.Text),
            new("referrerRole", Referrer, "Role", FieldKind.Text),
            new("referrerOrganisation", Referrer, "Agency", FieldKind.Text),
            new("referrerPhone", Referrer, "Tel. number", FieldKind.Text),
            new("incidentDate", Referrer, "Date of incident prompting referral", FieldKind.Date),
            new("referralDate", Referrer, "Date referred to TSCP", FieldKind.Date),
            new("incidentOutline", Event, Event, FieldKind.Text),
            new("abuseDetail", Abuse, Abuse, FieldKind.Text),
            new("childLastName", Child, "Last name/s", FieldKind.Text),
            new("childDateOfBirth", Child, "Date of birth", FieldKind.Date),
            new("childName", Child, "Forename/s", FieldKind.Text),
            new("childAge", Child, "Age (if D.O.B. not known)", FieldKind.Text),
            new("childOtherNames", Child, "Other names used", FieldKind.Text),
            new("childGender", Child, "Gender", FieldKind.Text),
            new("childEthnicity", Child, "Ethnicity", FieldKind.Text),
            new("childDisability", Child, "Any known disability", FieldKind.Text),
            new("childHomeAddress", Child, "Home address", FieldKind.Text),
            new("parentsCarers", Child, "Please include details of parents/carers", FieldKind.Text),
            new("agencyWork", AgencyWork, AgencyWork, FieldKind.Text),
            new("reasonForReferral", WhyReview, WhyReview, FieldKind.Text),
            new("otherConsiderations", Additional, Additional, FieldKind.Text),
        ],
        null,
        [],
        null,
        []);
}
