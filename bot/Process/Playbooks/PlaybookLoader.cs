using System.Text.Json;

namespace TeamsReviewBot.Process.Playbooks;

/// <summary>
/// Reads and checks playbooks from the JSON it is given (the caller opens the files). Anything wrong
/// stops with a <see cref="PlaybookException"/> naming the file, the field and the reason, so a bad
/// playbook is found at start-up, never mid-case.
/// </summary>
public static class PlaybookLoader
{
    /// <summary>Puts loaded playbooks together, refusing two that share a case code prefix.</summary>
    public static PlaybookCatalogue Combine(IReadOnlyList<(string File, Playbook Playbook)> loaded)
    {
        if (loaded.Count == 0)
        {
            throw new PlaybookException("(none)", "(directory)", "there are no playbook files (*.json).");
        }

        var clash = loaded.GroupBy(l => l.Playbook.CaseCode.Prefix, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new PlaybookException(clash.Last().File, "caseCode.prefix", $"'{clash.Key}' is used by more than one playbook; case codes must tell partnerships apart.");
        }

        return new PlaybookCatalogue(loaded.Select(l => l.Playbook));
    }

    public static Playbook Load(string fileName, Stream json)
    {
        Playbook? playbook;
        try
        {
            playbook = JsonSerializer.Deserialize<Playbook>(json, PlaybookJson.Options);
        }
        catch (JsonException ex)
        {
            throw new PlaybookException(fileName, FieldOf(ex.Path), Reason(ex), ex);
        }

        if (playbook is null)
        {
            throw new PlaybookException(fileName, "(root)", "the file holds null, not a playbook.");
        }

        var expectedKey = Path.GetFileNameWithoutExtension(fileName);
        PlaybookValidator.Validate(fileName, expectedKey, playbook);
        return playbook;
    }

    private static string FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "(root)" : path.TrimStart('$', '.');

    // System.Text.Json appends its own path and position; the field is reported separately.
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
