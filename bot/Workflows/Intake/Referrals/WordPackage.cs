using System.IO.Compression;
using System.Xml;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// Finds a .docx's main document part as the Open Packaging Conventions say: the package
/// relationship of type officeDocument in <c>_rels/.rels</c> names it. Read straight from the zip,
/// because the form reader needs that one part, and opening the package through the Open XML SDK
/// loads every part and relationship first (about a sixth of a form read's CPU).
/// </summary>
internal static class WordPackage
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The document's w:body, or null when the package names no main document or it has no body.
    /// A damaged zip or XML throws <see cref="InvalidDataException"/> or <see cref="XmlException"/>.</summary>
    public static WordNode? ReadBody(ReadOnlyMemory<byte> docx)
    {
        using var stream = AttachmentScreen.ReadOnlyStream(docx);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        if (MainDocument(zip) is not { } entry)
        {
            return null;
        }

        using var part = entry.Open();
        return WordNode.LoadBody(part);
    }

    private static ZipArchiveEntry? MainDocument(ZipArchive zip)
    {
        if (Entry(zip, "_rels/.rels") is not { } relationships)
        {
            return null;
        }

        using var part = relationships.Open();
        using var reader = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            // Transitional and Strict documents name the type under different roots, both ending so.
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "Relationship", NamespaceURI: RelationshipsNamespace }
                && reader.GetAttribute("Type") is { } type && type.EndsWith("/officeDocument", StringComparison.Ordinal)
                && !string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
                && reader.GetAttribute("Target") is { } target)
            {
                return Entry(zip, Uri.UnescapeDataString(target).TrimStart('/'));
            }
        }

        return null;
    }

    /// <summary>A part by name; part names compare without regard to case (zip entry names do not).</summary>
    private static ZipArchiveEntry? Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => e.FullName.Equals(name, StringComparison.OrdinalIgnoreCase));
}
