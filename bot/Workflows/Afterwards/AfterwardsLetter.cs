using TeamsReviewBot.Documents;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>
/// A letter of the afterwards steps from the partnership's template
/// (bot/playbooks/letters/{playbook key}-{kind}.txt: "#" lines cite the seed, a "Subject:" line, then
/// the body with {placeholders}). A placeholder the values do not supply is an error, never a blank in
/// a letter that leaves the partnership. No template means the seed asks for no such letter.
/// </summary>
public static class AfterwardsLetter
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
        var (subject, body) = LetterTemplate.SubjectAndBody(template);
        string? ValueOf(string name) => values.GetValueOrDefault(name);
        return (LetterTemplate.Fill(subject, ValueOf), string.Join("\n", body.Select(l => LetterTemplate.Fill(l, ValueOf))).Trim() + "\n");
    }
}
