using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

public sealed class OtherReferralFormsTests
{
    [Fact]
    public void The_practice_review_referral_form_is_recognised_and_read()
    {
        var form = new SimpleFormBuilder()
            .Heading("Referral for consideration for a Child Safeguarding Practice Review")
            .Heading("Background Information")
            .Rows(("Name of Child", "Robin Sample"), ("Date of Referral", "20/11/2026"))
            .Heading("Agency Referral")
            .Rows(("NAME", "Pat Example"), ("AGENCY & DESIGNATION/TITLE", "School, DSL"), ("CONTACT DETAILS – Address, telephone number and e-mail address", "pat@school.example"))
            .Heading("Please give the details of the designated safeguarding lead/officer with whom you have discussed the case.")
            .Rows(("NAME", "Lee Lead"), ("AGENCY & DESIGNATION/TITLE", null))
            .Heading("Section 1: Brief Overview of Child and Family Composition")
            .Heading("1.1 Child's Details")
            .Rows(
                ("Name of Child", "Robin Sample"),
                ("Date of Birth & Age", "03/04/2015, 11"),
                ("Home Address", "2 Test Road"),
                ("Is the child/young person looked after?", "N"),
                ("Date of Death or Serious Incident (please specify which)", "16/11/2026 serious incident"))
            .Heading("Section 2: Case Background")
            .Rows(("Brief outline of the child and family circumstances and the incident that triggered this referral", "Outline."))
            .Build();

        var details = ReferralFormReader.Read(form).Details!;

        Assert.StartsWith(PracticeReviewReferralForm.Title, details.Source, StringComparison.Ordinal);
        Assert.Equal("Robin Sample", details.Value("childName"));
        Assert.Equal("2026-11-20", details.Value("referralDate"));
        Assert.Equal("Pat Example", details.Value("referrerName"));
        Assert.Equal("pat@school.example", details.Value("referrerContact"));
        Assert.Equal("Lee Lead", details.Value("safeguardingLeadName"));
        Assert.Equal(FieldReading.NotFilledIn, details.Field("safeguardingLeadAgency")!.Reading);
        Assert.Equal("03/04/2015, 11", details.Value("childDateOfBirth"));
        Assert.Equal("N", details.Value("lookedAfter"));
        Assert.Equal("Outline.", details.Value("incidentOutline"));
        Assert.Equal(FieldReading.NotFound, details.Field("coronersInquiry")!.Reading);
        Assert.Empty(details.CaseFactors);
    }

    [Fact]
    public void The_case_for_consideration_form_is_read_including_its_column_tables()
    {
        var form = new SimpleFormBuilder()
            .Heading("GSCP \u2013 Case for Consideration")
            .Rows(("Is this referral for", "Rapid Review"), ("Name / Role", "Pat Example, DSL"), ("Agency", "Example School"))
            .Heading("Family Details")
            .Heading("Name(s) and date(s) of birth of child(ren)")
            .ColumnTable(["Name", "Date of Birth", "Address/Postcode"], ["Sam Sample", "01/01/2018", "AB1 2CD"], ["Kit Sample", "02/02/2020", "AB1 2CD"])
            .Heading("Name(s) and date(s) of birth of parents and other significant adults")
            .ColumnTable(["Name/relationship", "Date of Birth", "Address/Postcode"], ["Jo Sample, mother", "05/05/1990", "AB1 2CD"])
            .Heading("Details of Concern")
            .Rows(
                ("Is it known or suspected that the child has been abused or neglected (Y/N)", "Y"),
                ("Has the child died or been seriously harmed as a result of abuse or neglect? (Y/N)", "Y"),
                ("Was the incident related to a known antecedent or condition? (Y/ N)", "N"),
                ("Would the child have died without intervention (Y/N/NA)", "NA"),
                ("Case Summary (Brief overview of the case and events that led to the need for a review being considered).", "Summary."))
            .Heading("Background")
            .Rows(("Date CPP started", "not sure"))
            .Build();

        var details = ReferralFormReader.Read(form).Details!;

        Assert.StartsWith(CaseForConsiderationForm.Title, details.Source, StringComparison.Ordinal);
        Assert.Equal("Rapid Review", details.Value("referralFor"));
        Assert.Equal("Pat Example, DSL", details.Value("referrerName"));
        Assert.Equal("Sam Sample", details.Value("childName"));
        Assert.Equal("01/01/2018", details.Value("childDateOfBirth"));
        Assert.Equal("Y", details.Value("abuseKnownOrSuspected"));
        Assert.Equal("N", details.Value("knownAntecedent"));
        Assert.Equal("NA", details.Value("wouldHaveDiedWithoutIntervention"));
        Assert.Equal("Summary.", details.Value("incidentOutline"));
        Assert.Equal(FieldReading.Unreadable, details.Field("childProtectionPlanStarted")!.Reading);
    }

    [Fact]
    public void The_GM_form_is_still_read_as_the_GM_form()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().Build()).Details!;

        Assert.StartsWith(GmNotificationForm.Title, details.Source, StringComparison.Ordinal);
    }
}
