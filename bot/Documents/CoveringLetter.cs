namespace TeamsReviewBot.Documents;

/// <summary>What a covering letter to the National Panel is filled in with: case codes, dates and
/// staff names only, never a child's details. Dates are already written the British way.</summary>
public sealed record CoveringLetterFacts(
    string CaseCode,
    string Partnership,
    string Date,
    string NotifiedOn,
    string Conclusion,
    string EndorsedBy,
    string PanelChair,
    string Contact,
    string Signature);

/// <summary>
/// The covering letter that goes with the report to the National Panel, as the email's body. A
/// partnership whose procedure gives one (bot/playbooks/covering-letters/{playbook key}.txt: "#"
/// lines cite the seed, then the body with {placeholders}) gets its own wording; the others a plain
/// letter naming the case code. A placeholder the facts do not supply is an error.
/// </summary>
public static class CoveringLetter
{
    public static string TemplatePath(string playbookKey) =>
        Path.Combine(AppContext.BaseDirectory, "playbooks", "covering-letters", playbookKey + ".txt");

    /// <summary>The letter from the partnership's template when it has one, else the plain letter.</summary>
    public static string For(string playbookKey, CoveringLetterFacts facts)
    {
        var path = TemplatePath(playbookKey);
        return File.Exists(path) ? Build(File.ReadAllText(path), facts) : Plain(facts);
    }

    public static string Build(string template, CoveringLetterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseCode"] = facts.CaseCode,
            ["partnership"] = facts.Partnership,
            ["date"] = facts.Date,
            ["notifiedOn"] = facts.NotifiedOn,
            ["conclusion"] = facts.Conclusion,
            ["endorsedBy"] = facts.EndorsedBy,
            ["panelChair"] = facts.PanelChair,
            ["contact"] = facts.Contact,
            ["signature"] = facts.Signature,
        };
        return LetterTemplate.Join(LetterTemplate.Lines(template).Select(l => LetterTemplate.Fill(l, name => values.GetValueOrDefault(name))));
    }

    /// <summary>Where the partnership's procedure gives no covering letter: the case code and what is attached.</summary>
    public static string Plain(CoveringLetterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return $"Date: {facts.Date}\n\nDear {facts.PanelChair},\n\nRapid Review {facts.CaseCode}\n\n"
            + $"Please find attached the Rapid Review report for case {facts.CaseCode} from {facts.Partnership}. It was signed off by {facts.EndorsedBy}.\n\n"
            + $"If you need anything further, please reply to this email keeping {facts.CaseCode} in the subject line, or contact {facts.Contact}.\n\n"
            + $"Yours sincerely,\n\n{facts.Signature}\n\nEnc: Rapid Review report\n";
    }
}
