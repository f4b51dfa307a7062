namespace TeamsReviewBot.Documents;

/// <summary>What a request letter is filled in with. Dates are already written the British way.</summary>
public sealed record LetterFacts(
    string CaseCode,
    string Partnership,
    string Agency,
    string Date,
    string DueOn,
    string ReturnTo,
    string? RecordsSecuring,
    string Contact,
    string Child,
    IReadOnlyList<string> Attachments,
    string Signature);

/// <summary>A letter ready to send: subject and plain-text body.</summary>
public sealed record Letter(string Subject, string Body);

/// <summary>
/// Builds the information-request email from the partnership's letter template
/// (bot/playbooks/letters/{playbook key}.txt: "#" lines cite the seed, a "Subject:" line, then the
/// body with {placeholders}). A placeholder the facts do not supply is an error, never left blank in
/// a letter that goes to an agency; a line holding only {recordsSecuring} goes when the seed names no
/// such request.
/// </summary>
public static class RequestLetter
{
    public static string TemplatePath(string playbookKey) =>
        Path.Combine(AppContext.BaseDirectory, "playbooks", "letters", playbookKey + ".txt");

    public static Letter Build(string template, LetterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["caseCode"] = facts.CaseCode,
            ["partnership"] = facts.Partnership,
            ["agency"] = facts.Agency,
            ["date"] = facts.Date,
            ["dueOn"] = facts.DueOn,
            ["returnTo"] = facts.ReturnTo,
            ["recordsSecuring"] = facts.RecordsSecuring,
            ["contact"] = facts.Contact,
            ["child"] = facts.Child,
            ["attachments"] = string.Join(", ", facts.Attachments),
            ["signature"] = facts.Signature,
        };

        var (subjectLine, bodyLines) = LetterTemplate.SubjectAndBody(template);
        string? ValueOf(string name) => values.GetValueOrDefault(name);
        var body = bodyLines
            .Where(l => !(l.Trim() == "{recordsSecuring}" && string.IsNullOrWhiteSpace(facts.RecordsSecuring)))
            .Select(l => LetterTemplate.Fill(l, ValueOf));
        return new Letter(LetterTemplate.Fill(subjectLine, ValueOf), LetterTemplate.Join(body));
    }

    /// <summary>The reminder sent before and on the deadline. It carries no child's details: the request did.</summary>
    public static Letter Chaser(string caseCode, string agency, string dueOn, string returnTo, bool dueToday, string originalSubject, string signature) =>
        new(
            $"Reminder: {originalSubject}",
            (dueToday
                ? $"Dear Safeguarding Lead, {agency}\n\nThe information requested for Rapid Review {caseCode} is due today, {dueOn}, and we have not yet received it.\n\n"
                : $"Dear Safeguarding Lead, {agency}\n\nThis is a reminder that the information requested for Rapid Review {caseCode} is due by {dueOn}, the next working day.\n\n")
            + $"Please return the completed form to {returnTo}, keeping {caseCode} in the subject line. If your agency holds no records of the child or family, please reply saying so. Rapid Review timescales are statutory.\n\n{signature}\n");
}
