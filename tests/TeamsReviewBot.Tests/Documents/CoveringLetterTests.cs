using TeamsReviewBot.Documents;

namespace TeamsReviewBot.Tests.Documents;

/// <summary>
/// The covering letter to the National Panel: West Midlands' Document 5 word for word with its
/// brackets filled in (seed-003 §8.3 [L1983–L2006]), and the plain letter elsewhere, naming the
/// case code and never a child.
/// </summary>
public sealed class CoveringLetterTests
{
    private static readonly CoveringLetterFacts Facts = new(
        "RR-WMI-2026-0003",
        "Birmingham Safeguarding Children Partnership",
        "Tuesday 8 December 2026",
        "Monday 23 November 2026",
        "concluded that the case meets the criteria for a local Child Safeguarding Practice Review",
        "Lola Adeyemi (Local Authority), Pat Okafor (Police)",
        "Chair of the Child Safeguarding Practice Review Panel",
        "bscp@example.gov.uk",
        "Bea Manning, Business Manager");

    [Fact]
    public void West_Midlands_sends_its_Document_5_wording_with_the_brackets_filled()
    {
        var letter = CoveringLetter.For("west-midlands", Facts);

        // The seed's sentences, with each bracket replaced by the case's value.
        string[] seed =
        [
            "Date: Tuesday 8 December 2026",
            "Child Safeguarding Practice Review Panel\nSanctuary Buildings\n20 Great Smith Street\nLondon\nSW1P 3BT",
            "Dear Chair of the Child Safeguarding Practice Review Panel,",
            "Decision of the Rapid Review of RR-WMI-2026-0003",
            "I am writing to you in your capacity as Chair of the Child Safeguarding Practice Review Panel. Our Safeguarding Partners received notification of a serious incident which may meet the criteria for a child safeguarding practice review on Monday 23 November 2026 and have, therefore, undertaken a Rapid Review to consider the case.",
            "This Rapid Review included a representative from each of the Safeguarding Partners and concluded that the case meets the criteria for a local Child Safeguarding Practice Review.",
            "I attach for your information a copy of our completed Rapid Review which provides a summary of the case and the decision and rationale of the Safeguarding Partners. The decision has been endorsed by Lola Adeyemi (Local Authority), Pat Okafor (Police).",
            "I trust this is sufficient information for you to share with the Panel. However, please do not hesitate to contact me at bscp@example.gov.uk if you require any further information.",
            "Yours sincerely,\n\nBea Manning, Business Manager",
            "Enc: Rapid Review Template",
        ];
        foreach (var passage in seed)
        {
            Assert.Contains(passage, letter, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("[", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", letter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oldham")]
    [InlineData("tameside")]
    [InlineData("salford")]
    [InlineData("gloucestershire")]
    public void Partnerships_without_a_covering_letter_send_a_plain_one_naming_the_case(string playbook)
    {
        var letter = CoveringLetter.For(playbook, Facts);

        Assert.Equal(CoveringLetter.Plain(Facts), letter);
        Assert.Contains("Please find attached the Rapid Review report for case RR-WMI-2026-0003 from Birmingham Safeguarding Children Partnership.", letter, StringComparison.Ordinal);
        Assert.Contains("It was signed off by Lola Adeyemi (Local Authority), Pat Okafor (Police).", letter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_with_no_value_is_an_error_not_a_blank()
    {
        var refused = Assert.Throws<FormatException>(() => CoveringLetter.Build("Dear {panelChair},\nOn {unknown}.", Facts));
        Assert.Contains("{unknown}", refused.Message, StringComparison.Ordinal);
    }
}
