using TeamsReviewBot.Documents;

namespace TeamsReviewBot.Tests.Documents;

public class RequestLetterTests
{
    private static LetterFacts Facts(string? recordsSecuring = "Please secure all records/files in relation to the case.") => new(
        "RR-OLD-2027-0003",
        "Oldham Safeguarding Children Partnership",
        "Northern Care Alliance",
        "Monday 11 January 2027",
        "Monday 18 January 2027",
        "OSCP.Group@oldham.gov.uk",
        recordsSecuring,
        "the OSCP Business Unit, OSCP.Group@oldham.gov.uk",
        "J.S., born 02/03/2015",
        ["RR-OLD-2027-0003 - Single agency summary.docx"],
        "OSCP Business Unit");

    [Theory]
    [InlineData("oldham", "\"It is not enough to list appointments, contacts, events etc without providing an analysis.\"")]
    [InlineData("tameside", "This will enable the Practice Review Panel Chair to review and construct an overview of the case for the panel.")]
    [InlineData("salford", "gather information from professionals about involvement with the child and family")]
    [InlineData("west-midlands", "4. Keep your agency's submission in relation to this case separate from the case records/files.")]
    [InlineData("gloucestershire", "This is a statutory process.")]
    public void Every_partnership_letter_fills_in_and_quotes_its_seed(string playbook, string quoted)
    {
        var letter = RequestLetter.Build(File.ReadAllText(RequestLetter.TemplatePath(playbook)), Facts());

        Assert.Contains("RR-OLD-2027-0003", letter.Subject, StringComparison.Ordinal);
        Assert.Contains(quoted, letter.Body, StringComparison.Ordinal);
        Assert.Contains("Monday 18 January 2027", letter.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", letter.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("# Source", letter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Oldham_letter_carries_the_records_securing_request_and_the_return_address()
    {
        var letter = RequestLetter.Build(File.ReadAllText(RequestLetter.TemplatePath("oldham")), Facts());

        Assert.Contains("Please secure all records/files in relation to the case.", letter.Body, StringComparison.Ordinal);
        Assert.Contains("return it to OSCP.Group@oldham.gov.uk by Monday 18 January 2027", letter.Body, StringComparison.Ordinal);
        Assert.Contains("Child: J.S., born 02/03/2015", letter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partnership_whose_seed_names_no_records_securing_request_gets_no_empty_line_for_it()
    {
        var letter = RequestLetter.Build(File.ReadAllText(RequestLetter.TemplatePath("gloucestershire")), Facts(recordsSecuring: null));

        Assert.DoesNotContain("\n\n\n", letter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_with_an_unknown_placeholder_is_refused_rather_than_sent_with_a_gap()
    {
        var ex = Assert.Throws<FormatException>(() => RequestLetter.Build("Subject: {caseCode}\nDear {headteacher}", Facts()));
        Assert.Contains("{headteacher}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chasers_say_when_it_is_due_and_carry_no_child_details()
    {
        var before = RequestLetter.Chaser("RR-OLD-2027-0003", "NCA", "Monday 18 January 2027", "OSCP.Group@oldham.gov.uk", false, "Request – RR-OLD-2027-0003 – NCA", "OSCP");
        var onDay = RequestLetter.Chaser("RR-OLD-2027-0003", "NCA", "Monday 18 January 2027", "OSCP.Group@oldham.gov.uk", true, "Request – RR-OLD-2027-0003 – NCA", "OSCP");

        Assert.Equal("Reminder: Request – RR-OLD-2027-0003 – NCA", before.Subject);
        Assert.Contains("due by Monday 18 January 2027, the next working day", before.Body, StringComparison.Ordinal);
        Assert.Contains("due today, Monday 18 January 2027", onDay.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("J.S.", before.Body + onDay.Body, StringComparison.Ordinal);
    }
}
