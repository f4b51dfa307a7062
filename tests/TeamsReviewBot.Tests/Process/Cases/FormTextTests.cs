using System.Text.RegularExpressions;
using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Tests.Process.Cases;

/// <summary>Labels on a referral form are compared after <see cref="FormText.Normalise"/>: written as one
/// pass, it must say exactly what its definition (the regular expressions below) says.</summary>
public sealed class FormTextTests
{
    private static string ByDefinition(string text)
    {
        var s = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u00a0', ' ');
        s = Regex.Replace(s, @"\s+", " ").Trim();
        s = Regex.Replace(s, @"\s*-\s*", " - ");
        return s.TrimEnd(':', '*', ' ').ToLowerInvariant();
    }

    [Theory]
    [InlineData("Child’s Date of Birth:", "child's date of birth")]
    [InlineData("  Name of  referrer\t*", "name of referrer")]
    [InlineData("Multi-agency\u00a0involvement", "multi - agency involvement")]
    [InlineData("Ethnicity – please specify:", "ethnicity - please specify")]
    [InlineData("a--b", "a -  - b")]
    [InlineData("- first", " - first")]
    [InlineData("last -", "last -")]
    [InlineData("", "")]
    [InlineData(" \t ", "")]
    public void Reads_a_label_as_its_definition_does(string label, string expected)
    {
        Assert.Equal(expected, FormText.Normalise(label));
        Assert.Equal(ByDefinition(label), FormText.Normalise(label));
    }

    [Fact]
    public void Agrees_with_its_definition_on_any_mix_of_spaces_dashes_and_punctuation()
    {
        const string alphabet = "aZé -\t\n\u00a0\u2013\u2014\u2018\u2019:*'.";
        var random = new Random(21);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 14)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.True(ByDefinition(text) == FormText.Normalise(text), $"'{Regex.Escape(text)}': '{ByDefinition(text)}' by definition, '{FormText.Normalise(text)}' by Normalise");
        }
    }
}
