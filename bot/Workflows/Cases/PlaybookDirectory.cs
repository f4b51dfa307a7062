using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>Reads every playbook file (*.json) in a directory; the file name without .json is the key.</summary>
public static class PlaybookDirectory
{
    public static PlaybookCatalogue Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PlaybookException(directory, "(directory)", "the playbooks directory does not exist.");
        }

        var loaded = new List<(string, Playbook)>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            loaded.Add((Path.GetFileName(file), PlaybookLoader.Load(Path.GetFileName(file), stream)));
        }

        return PlaybookLoader.Combine(loaded);
    }
}
