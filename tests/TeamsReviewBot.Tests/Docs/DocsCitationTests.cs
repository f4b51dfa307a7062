using System.Text.RegularExpressions;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Docs;

/// <summary>
/// A reader of docs/ can follow every source: a citation is a public URL or a file in this
/// repository, never a private note, a document outside the repository or a path on someone's machine.
/// </summary>
public sealed partial class DocsCitationTests
{
    [Fact]
    public void Docs_cite_no_notes_or_files_outside_the_repository()
    {
        var found = DocLines()
            .Where(l => OutsideCitation().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Number}: {OutsideCitation().Match(l.Text).Value}")
            .ToList();

        Assert.True(found.Count == 0, "Cite the public source instead of:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Docs_name_no_path_on_a_machine()
    {
        var found = DocLines()
            .Where(l => MachinePath().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Number}: {MachinePath().Match(l.Text).Value}")
            .ToList();

        Assert.True(found.Count == 0, "A path on a machine means nothing to a reader:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Every_relative_link_in_docs_is_a_file_in_the_repository()
    {
        var root = RepositoryRoot.Folder;
        var broken = new List<string>();
        foreach (var line in DocLines())
        {
            foreach (Match link in RelativeLink().Matches(line.Text))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(root, line.File))!, target));
                if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
                {
                    broken.Add($"{line.File}:{line.Number}: {target}");
                }
            }
        }

        Assert.True(broken.Count == 0, "Links to files that are not in the repository:\n" + string.Join('\n', broken));
    }

    [Theory]
    [InlineData("as the design notes say (../notes/design.md)")]
    [InlineData("rate limits (anchors §B.6)")]
    [InlineData("see reference/anchors.md")]
    [InlineData("seed-000, in /Users/alex/notes/seeds/oldham.pdf")]
    public void The_check_recognises_a_citation_outside_the_repository(string line) =>
        Assert.True(OutsideCitation().IsMatch(line) || MachinePath().IsMatch(line), line);

    [Theory]
    [InlineData("built on /Users/runner/build/bot")]
    [InlineData("read from C:\\Users\\build\\notes.md")]
    [InlineData("copied to /Users/ci/playground/bundle.js")]
    public void The_check_recognises_a_path_on_a_machine(string line) => Assert.Matches(MachinePath(), line);

    // Private notes the project was written from, and relative paths that climb out of the repository.
    [GeneratedRegex(@"\banchors\s*§|\banchors\.md|\btooling\.md|\bdesign\.md|(?:^|[\s`(""'])\.\./|\bshared/(?:reference|domain|seeds)\b|\bseeds/", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideCitation();

    [GeneratedRegex(@"(?:^|[\s`(""'])/(?:work|home|tmp|Users|root|mnt|opt|srv|var)/|\b[A-Z]:\\", RegexOptions.None)]
    private static partial Regex MachinePath();

    [GeneratedRegex(@"\]\((?<target>(?!https?:|mailto:|#)[^)\s]+)\)")]
    private static partial Regex RelativeLink();

    /// <summary>Every line of docs/*.md and the README outside fenced code blocks (commands a reader
    /// types are not citations).</summary>
    private static IEnumerable<(string File, int Number, string Text)> DocLines()
    {
        var root = RepositoryRoot.Folder;
        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            var inFence = false;
            var number = 0;
            foreach (var text in File.ReadLines(file))
            {
                number++;
                if (text.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (!inFence)
                {
                    yield return (relative, number, text);
                }
            }
        }
    }
}
