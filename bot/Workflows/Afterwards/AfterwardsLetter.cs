using System.Text.RegularExpressions;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>
/// A letter of the afterwards steps from the partnership's template
/// (bot/playbooks/letters/{playbook key}-{kind}.txt: "#" lines cite the seed, a "Subject:" line, then
/// the body with {placeholders}). A placeholder the values do not supply is an error, never a blank in
/// a letter that leaves the partnership. No template means the seed asks for no such letter.
/// </summary>
public static partial class AfterwardsLetter
{
    public const string Outcome = "outcome";
    public const string LessonLog = "lesson-log";

    public static string? Template(string playbookKey, string kind)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "playbooks", "letters", $"{playbookKey}-{kind}.txt");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public static (string Subject, string Body) Build(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var lines = template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !l.StartsWith('#'))
            .SkipWhile(string.IsNullOrWhiteSpace)
            .ToList();
        if (lines.Count == 0 || !lines[0].StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new FormatException("A letter template starts with a \"Subject:\" line.");
        }

        string Fill(string line) => Placeholder().Replace(line, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new FormatException($"The letter template has a placeholder {{{m.Groups[1].Value}}} with no value."));
        var body = string.Join("\n", lines.Skip(1).Select(Fill)).Trim();
        return (Fill(lines[0]["Subject:".Length..].Trim()), body + "\n");
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
