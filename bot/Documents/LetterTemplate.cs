using System.Text.RegularExpressions;

namespace TeamsReviewBot.Documents;

/// <summary>
/// The partnerships' letter templates (bot/playbooks/letters, covering-letters): "#" lines cite the
/// seed and are not part of the letter; a letter to an agency or a referrer starts with a "Subject:"
/// line; {placeholders} are filled from the case, and one with no value is an error, never a blank in
/// a letter that leaves the partnership.
/// </summary>
public static partial class LetterTemplate
{
    /// <summary>The template's lines, without the "#" lines that cite the seed.</summary>
    public static IEnumerable<string> Lines(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => !l.StartsWith('#'));
    }

    /// <summary>The subject (after "Subject:") and the body's lines, still to be filled.</summary>
    public static (string Subject, IReadOnlyList<string> Body) SubjectAndBody(string template)
    {
        var lines = Lines(template).SkipWhile(string.IsNullOrWhiteSpace).ToList();
        if (lines.Count == 0 || !lines[0].StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new FormatException("A letter template starts with a \"Subject:\" line.");
        }

        return (lines[0]["Subject:".Length..].Trim(), lines.Skip(1).ToList());
    }

    public static string Fill(string line, Func<string, string?> valueOf) =>
        Placeholder().Replace(line, m => valueOf(m.Groups[1].Value)
            ?? throw new FormatException($"The letter template uses {{{m.Groups[1].Value}}}, which has no value."));

    /// <summary>The body's lines as one text, with runs of blank lines left by empty values made one.</summary>
    public static string Join(IEnumerable<string> lines) =>
        MultipleBlankLines().Replace(string.Join("\n", lines).Trim(), "\n\n") + "\n";

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlankLines();
}
