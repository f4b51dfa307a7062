using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>A referral recorded by mail intake, read for the panel card: clean fields only, never a guess.</summary>
public sealed class IntakeReferralReadingTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_fields_read_cleanly_fill_the_summary_and_the_age_band_comes_from_the_dates()
    {
        var recorded = IntakeReferralReading.Read(Event(
            ("natureOfIncident", "Serious injury", 0),
            ("incidentDate", "21/11/2026", 0),
            ("referrerOrganisation", "Hollybank Primary School", 0),
            ("childName", "Amelia Testchild", 0),
            ("childDateOfBirth", "14/03/2020", 0),
            ("childHomeAddress", "12 Example Street", 0)), Received)!;

        Assert.Equal("Serious harm", recorded.Summary.IncidentCategory);
        Assert.Equal("5 to 10", recorded.Summary.AgeBand);
        Assert.Equal(new DateOnly(2026, 11, 21), recorded.Summary.IncidentDate);
        Assert.Equal("Hollybank Primary School", recorded.Summary.ReferringOrganisation);
        Assert.Equal("referrer@school.example", recorded.Summary.ReferrerEmail);
        Assert.Equal(new ChildDetails("Amelia Testchild", new DateOnly(2020, 3, 14), "12 Example Street"), recorded.Child);
    }

    [Fact]
    public void A_field_that_could_not_be_read_is_not_given_rather_than_guessed()
    {
        var recorded = IntakeReferralReading.Read(Event(
            ("natureOfIncident", "Serious injury", 2),
            ("childDateOfBirth", "the spring of 2020", 0),
            ("childName", "Amelia Testchild", 0)), Received)!;

        Assert.Equal("not given", recorded.Summary.IncidentCategory);
        Assert.Equal("not given", recorded.Summary.AgeBand);
        Assert.Null(recorded.Summary.IncidentDate);
        Assert.Null(recorded.Child!.DateOfBirth);
        Assert.Equal("not given", recorded.Child.Address);
    }

    [Fact]
    public void A_referral_recorded_since_sealing_shows_the_category_and_age_band_worked_out_at_intake_and_holds_no_child()
    {
        var sealedEvent = JsonNode.Parse(Event(("natureOfIncident", null!, 0), ("incidentDate", "21/11/2026", 0)))!.AsObject();
        sealedEvent["sealedAs"] = "referral";
        sealedEvent["incidentCategory"] = "Death: neglect";
        sealedEvent["ageBand"] = "11 to 15";

        var recorded = IntakeReferralReading.Read(sealedEvent.ToJsonString(), Received)!;

        Assert.Equal("Death: neglect", recorded.Summary.IncidentCategory);
        Assert.Equal("11 to 15", recorded.Summary.AgeBand);
        Assert.Null(recorded.Child);
    }

    [Theory]
    [InlineData("Serious harm", "Physical abuse", "Serious harm: physical abuse")]
    [InlineData("Death", null, "Death")]
    [InlineData(null, "Neglect", "Neglect")]
    [InlineData("Amelia Testchild, 12 Example Street", "Neglect", "Other: neglect")]
    [InlineData("Serious harm", "Amelia Testchild hit by her stepfather", "Serious harm: other")]
    [InlineData("Amelia Testchild", "12 Example Street", "Other")]
    public void Typed_text_in_the_incident_fields_becomes_a_category_from_the_closed_list(string? nature, string? abuse, string category)
    {
        var fields = new List<(string, string, int)>();
        if (nature is not null)
        {
            fields.Add(("natureOfIncident", nature, 0));
        }

        if (abuse is not null)
        {
            fields.Add(("mainTypeOfAbuse", abuse, 0));
        }

        Assert.Equal(category, IntakeReferralReading.Read(Event([.. fields]), Received)!.Summary.IncidentCategory);
    }

    [Theory]
    [InlineData("Physical abuse", "Physical abuse")]
    [InlineData("Serious harm: neglect", "Serious harm: neglect")]
    [InlineData("Non-accidental injury", "Physical abuse")]
    [InlineData("Amelia Testchild, 12 Example Street", "Other")]
    [InlineData("not given", "not given")]
    public void A_category_stored_before_the_closed_list_is_brought_onto_it_before_a_card_shows_it(string stored, string shown) =>
        Assert.Equal(shown, IncidentCategories.Closed(stored));

    [Theory]
    [InlineData("2026-06-01", "Under 1")]
    [InlineData("2025-11-23", "1 to 4")]
    [InlineData("2025-11-24", "Under 1")]
    [InlineData("2010-11-23", "16 to 17")]
    public void Age_bands_count_whole_years_on_the_day(string born, string band) =>
        Assert.Equal(band, IntakeReferralReading.AgeBand(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 23)));

    private static string Event(params (string Key, string Value, int Reading)[] fields) => new JsonObject
    {
        ["internetMessageId"] = "<referral-1@school.example>",
        ["intake"] = new JsonObject
        {
            ["mailbox"] = "partnership@example.gov.uk",
            ["internetMessageId"] = "<referral-1@school.example>",
            ["receivedAt"] = Received.ToString("O"),
            ["referrerAddress"] = "referrer@school.example",
            ["details"] = new JsonObject
            {
                ["source"] = "form",
                ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["key"] = f.Key, ["section"] = "s", ["label"] = f.Key, ["value"] = f.Value, ["reading"] = f.Reading })]),
                ["caseFactors"] = new JsonArray(),
            },
            ["refusedAttachments"] = new JsonArray(),
        },
    }.ToJsonString();
}
