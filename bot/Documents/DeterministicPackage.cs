using System.IO.Compression;

namespace TeamsReviewBot.Documents;

/// <summary>
/// Gives every entry of a DOCX (a zip package) the same timestamp, so the same content always makes
/// the same bytes and the same SHA-256: the package writer stamps entries with the time of writing,
/// which would make a draft generated twice from an unchanged case look like a new version. For the
/// same reason the package's own relationships, which the writer names at random, are numbered in
/// order (nothing inside a document points at a package-level relationship by its id).
/// </summary>
public static partial class DeterministicPackage
{
    private static readonly DateTimeOffset Stamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(byte[] package)
    {
        ArgumentNullException.ThrowIfNull(package);
        using var buffer = new MemoryStream();
        buffer.Write(package);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            if (zip.GetEntry("_rels/.rels") is { } rels)
            {
                string text;
                using (var reader = new StreamReader(rels.Open()))
                {
                    text = reader.ReadToEnd();
                }

                var n = 0;
                text = RelationshipId().Replace(text, _ => $"Id=\"rId{++n}\"");
                rels.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("_rels/.rels", CompressionLevel.Optimal).Open());
                writer.Write(text);
            }

            foreach (var entry in zip.Entries)
            {
                entry.LastWriteTime = Stamp;
            }
        }

        return buffer.ToArray();
    }

    [System.Text.RegularExpressions.GeneratedRegex("Id=\"[^\"]+\"")]
    private static partial System.Text.RegularExpressions.Regex RelationshipId();
}
