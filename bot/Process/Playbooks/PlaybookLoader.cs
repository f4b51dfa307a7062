using System.Text.Json;

namespace TeamsReviewBot.Process.Playbooks;

/// <summary>
/// Reads and checks playbooks. Anything wrong stops with a <see cref="PlaybookException"/> naming the
/// file, the field and the reason, so a bad playbook is found at start-up, never mid-case.
/// </summary>
public static class PlaybookLoader
{
    /// <summary>Loads every *.json in <paramref name="directory"/>; the file name (without .json) is the key.</summary>
    public static PlaybookCatalogue LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PlaybookException(directory, "(directory)", "the playbooks directory does not exist.");
        }

        var files = Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new PlaybookException(directory, "(directory)", "there are no playbook files (*.json) in it.");
        }

        var playbooks = new List<Playbook>();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            playbooks.Add(Load(Path.GetFileName(file), stream));
        }

        var prefixes = playbooks.GroupBy(p => p.CaseCode.Prefix, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (prefixes is not null)
        {
            throw new PlaybookException(prefixes.Last().Key + ".json", "caseCode.prefix", $"'{prefixes.Key}' is used by more than one playbook; case codes must tell partnerships apart.");
        }

        return new PlaybookCatalogue(playbooks);
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
