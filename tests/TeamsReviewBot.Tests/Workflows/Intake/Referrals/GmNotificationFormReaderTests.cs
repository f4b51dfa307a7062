using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

public sealed class ReferralFormReaderTests
{
    [Fact]
    public void A_filled_in_form_is_read_field_by_field()
    {
        var result = ReferralFormReader.Read(GmFormBuilder.Filled().Set("Local Authority where incident occurred", "Manchester").Build());

        Assert.Null(result.RefusalReason);
        var details = result.Details!;
        Assert.Equal("Oldham", details.Value("childResidenceAuthority"));
        Assert.Equal("Manchester", details.Value("incidentAuthority"));
        Assert.Equal("2026-11-20", details.Value("referralDate"));
        Assert.Equal("Serious harm", details.Value("natureOfIncident"));
        Assert.Equal("2026-11-18", details.Value("incidentDate"));
        Assert.Equal("Physical abuse", details.Value("mainTypeOfAbuse"));
        Assert.Equal("1", details.Value("numberOfSubjectChildren"));
        Assert.Equal("Pat Example", details.Value("referrerName"));
        Assert.Equal("Example Primary School", details.Value("referrerOrganisation"));
        Assert.Equal("0161 000 0000", details.Value("referrerTelephone"));
        Assert.Equal("pat.example@school.example", details.Value("referrerEmail"));
        Assert.Equal("Alex Sample", details.Value("childName"));
        Assert.Equal("01/02/2019", details.Value("childDateOfBirth"));
        Assert.Equal("1 Test Street, Testtown", details.Value("childHomeAddress"));
        Assert.Equal("Admitted to hospital with injuries.", details.Value("incidentOutline"));
        Assert.Equal("Yes", details.Value("discussedWithManager"));
    }

    [Fact]
    public void Repeated_labels_are_told_apart_by_their_section()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().Build()).Details!;

        Assert.Equal("Sam Sample", details.Value("parent1Name"));
        Assert.Equal("Mother", details.Value("parent1Relationship"));
        Assert.Equal("Jo Sample", details.Value("parent2Name"));
    }

    [Fact]
    public void Case_factor_tick_boxes_are_read_ticked_and_unticked()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().Build()).Details!;

        Assert.Equal(44, details.CaseFactors.Count);
        Assert.Equal(["Parental mental health", "Physical abuse", "Domestic abuse"], details.TickedFactors);
        Assert.All(details.CaseFactors, f => Assert.NotNull(f.Ticked));
    }

    [Fact]
    public void Legacy_form_field_tick_boxes_are_read_too()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().WithLegacyTickBoxes().Tick("Neglect").Build()).Details!;

        Assert.Equal(["Neglect", "Parental mental health", "Physical abuse", "Domestic abuse"], details.TickedFactors);
    }

    [Fact]
    public void The_other_factor_keeps_its_detail()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().Other("Online harm").Build()).Details!;

        var other = details.CaseFactors.Single(f => f.Factor == "Other - please detail");
        Assert.True(other.Ticked);
        Assert.Equal("Online harm", other.Detail);
    }

    [Fact]
    public void A_drop_down_left_on_its_placeholder_is_not_filled_in_and_not_guessed()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().Build()).Details!;

        var religion = details.Field("childReligion")!;
        Assert.Equal(FieldReading.NotFilledIn, religion.Reading);
        Assert.Null(religion.Value);
    }

    [Fact]
    public void A_date_typed_over_the_picker_that_is_not_a_date_is_flagged()
    {
        var form = GmFormBuilder.Filled().TypedDate("Date of Incident", "last weekend").Build();

        var incidentDate = ReferralFormReader.Read(form).Details!.Field("incidentDate")!;

        Assert.Equal(FieldReading.Unreadable, incidentDate.Reading);
        Assert.True(incidentDate.Flagged);
        Assert.Null(incidentDate.Value);
    }

    [Fact]
    public void A_date_typed_over_the_picker_in_UK_format_is_read()
    {
        var form = GmFormBuilder.Filled().TypedDate("Date of Incident", "17/11/2026").Build();

        Assert.Equal("2026-11-17", ReferralFormReader.Read(form).Details!.Value("incidentDate"));
    }

    [Fact]
    public void Agencies_named_on_the_form_are_read_with_their_contacts()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().Build()).Details!;

        var agencies = details.Fields.Where(f => f.Key.StartsWith("agency:", StringComparison.Ordinal)).ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal(2, agencies.Count);
        Assert.Equal("Dr Example, Health Centre", agencies["GP"]);
        Assert.Equal("PC Example", agencies["Police"]);
    }

    [Fact]
    public void A_field_missing_from_an_altered_form_is_flagged_as_not_found()
    {
        var details = ReferralFormReader.Read(GmFormBuilder.Filled().Build()).Details!;

        // The builder's form has no Business Unit section and no Parent/Carer 2 relationship, as printed.
        Assert.DoesNotContain(details.Fields, f => f.Key == "parent2Relationship");
        Assert.DoesNotContain(details.Fields, f => f.Reading == FieldReading.NotFound);
    }

    [Fact]
    public void A_Word_file_that_is_not_the_form_is_refused_with_a_reason()
    {
        using var stream = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("Minutes of the meeting")))));
        }

        var result = ReferralFormReader.Read(stream.ToArray());

        Assert.Null(result.Details);
        Assert.Contains("not a referral form we know", result.RefusalReason, StringComparison.Ordinal);
    }
}
