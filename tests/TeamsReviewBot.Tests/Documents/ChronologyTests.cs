using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TeamsReviewBot.Documents;

namespace TeamsReviewBot.Tests.Documents;

public class ChronologyTests
{
    /// <summary>An agency's return: the template's chronology table filled in, as an agency would.</summary>
    public static byte[] AgencyReturn(params string[][] rows) =>
        new WordWriter()
            .Heading("PRACTICE CASE REVIEW – SINGLE AGENCY SUMMARY")
            .Table(["Relationship to child", "Name", "DOB", "Address"], [["Mother", "x", "y", "z"]])
            .Table(ChronologyColumns.AgencyHeader, rows.Select(r => (IReadOnlyList<string>)r))
            .ToBytes();

    [Fact]
    public void Reader_takes_rows_from_the_chronology_table_only_and_skips_empty_rows()
    {
        var docx = AgencyReturn(
            ["14/01/2027", "10:30", "Home visit", "Referral to CSC", "Health visitor"],
            ["", "", "", "", ""],
            ["3 March 2026", "", "GP appointment", "", "GP"]);

        var rows = ChronologyReader.Read(docx, "NCA");

        Assert.Equal(2, rows.Count);
        Assert.Equal(new DateOnly(2027, 1, 14), rows[0].Date);
        Assert.Equal("Home visit", rows[0].Event);
        Assert.Equal("Referral to CSC", rows[0].Outcome);
        Assert.Equal("Health visitor", rows[0].Practitioner);
        Assert.Equal("NCA", rows[1].Source);
        Assert.Equal(new DateOnly(2026, 3, 3), rows[1].Date);
    }

    [Theory]
    [InlineData("14/01/2027", 2027, 1, 14)]
    [InlineData("4.1.27", 2027, 1, 4)]
    [InlineData("?22 May 2016", 2016, 5, 22)]
    [InlineData("Thursday 14 January 2027", 2027, 1, 14)]
    [InlineData("2027-01-14", 2027, 1, 14)]
    [InlineData("1st Feb 2026", 2026, 2, 1)]
    public void Dates_are_read_the_British_way(string written, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ChronologyDates.Parse(written));

    [Theory]
    [InlineData("")]
    [InlineData("summer 2025")]
    [InlineData("31/02/2026")]
    public void Text_that_is_not_a_date_is_not_a_date(string written) => Assert.Null(ChronologyDates.Parse(written));

    [Fact]
    public void Reading_a_file_that_is_not_a_Word_document_says_so()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ChronologyReader.Read("%PDF-1.7 not a docx"u8.ToArray(), "NCA"));
        Assert.Contains("not a Word document", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merged_chronology_lists_every_row_of_every_return_in_date_order_with_its_agency()
    {
        var health = ChronologyReader.Read(AgencyReturn(
            ["12/12/2026", "", "A&E attendance", "Safeguarding referral", "ED nurse"],
            ["02/01/2027", "09:00", "Health visit", "", "HV"]), "Northern Care Alliance");
        var police = ChronologyReader.Read(AgencyReturn(
            ["02/01/2027", "08:15", "Domestic incident", "DASH completed", "PC"],
            ["sometime in 2025", "", "Neighbour report", "", "PCSO"],
            ["1 November 2026", "", "Welfare check", "", "PC"]), "Greater Manchester Police");
        var school = ChronologyReader.Read(AgencyReturn(["5/1/27", "", "Absent from school", "Call home", "DSL"]), "Hathershaw College");

        var merged = MultiAgencyChronology.Merge([health, police, school]);
        var docx = MultiAgencyChronology.Write("RR-OLD-2027-0003", "Oldham", merged, ["Northern Care Alliance", "Greater Manchester Police", "Hathershaw College"], new DateOnly(2027, 1, 15));

        var table = Tables(docx);
        Assert.Equal(ChronologyColumns.MergedHeader, table[0][0]);
        Assert.Equal(
            [
                ["01/11/2026", "", "Greater Manchester Police", "Welfare check"],
                ["12/12/2026", "", "Northern Care Alliance", "A&E attendance"],
                ["02/01/2027", "08:15", "Greater Manchester Police", "Domestic incident"],
                ["02/01/2027", "09:00", "Northern Care Alliance", "Health visit"],
                ["05/01/2027", "", "Hathershaw College", "Absent from school"],
            ],
            table[0].Skip(1).Select(r => r.Take(4).ToArray()).ToArray());
        Assert.Equal(["sometime in 2025", "", "Greater Manchester Police", "Neighbour report", "", "PCSO"], table[1][1]);
        Assert.Equal(health.Count + police.Count + school.Count, table.Sum(t => t.Count - 1));
    }

    [Fact]
    public void Every_agency_form_carries_the_chronology_table_returns_are_read_from()
    {
        var facts = new TemplateFacts("RR-OLD-2027-0003", "Oldham", "NCA", "oscp@example.gov.uk", "Thursday 14 January 2027", "Thursday 7 January 2027");
        foreach (var template in AgencyTemplates.FromPlaybook(["Single Agency Summary Template", "Chronolator chronology file", "Initial Scoping (Document 2)", "Template Letter (Document 2a)"], "RR-OLD-2027-0003"))
        {
            var docx = AgencyTemplates.Build(template, facts);
            Assert.Contains(Tables(docx), t => t[0].SequenceEqual(ChronologyColumns.AgencyHeader));
            Assert.Contains("RR-OLD-2027-0003", Text(docx), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_letter_is_not_an_attachment_and_each_form_is_attached_once()
    {
        var forms = AgencyTemplates.FromPlaybook(["Initial Scoping and Information Sharing Template (Document 2)", "Template Letter: Request for Initial Scoping Information (Document 2a)"], "RR-BSC-2027-0001");

        var form = Assert.Single(forms);
        Assert.Equal(AgencyTemplateKind.InitialScoping, form.Kind);
        Assert.Equal("RR-BSC-2027-0001 - Initial scoping and information sharing.docx", form.FileName);
    }

    private static List<List<string[]>> Tables(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return [.. doc.MainDocumentPart!.Document!.Body!.Elements<Table>()
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList())];
    }

    private static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
