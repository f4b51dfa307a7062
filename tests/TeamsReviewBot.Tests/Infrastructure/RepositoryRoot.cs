namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// The repository's root folder (the one holding TeamsReviewBot.sln), found above the test binaries: for
/// tests that read the repository's own files (docs, manifest, playbooks, samples, other build outputs).
/// </summary>
public static class RepositoryRoot
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TeamsReviewBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (TeamsReviewBot.sln) was not found above " + AppContext.BaseDirectory);
    }
}
