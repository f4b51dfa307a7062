using System.IO.Compression;
using System.Text.RegularExpressions;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

/// <summary>
/// The form reader finds the document part through the package's relationships, as Word and the Open
/// XML SDK do, rather than by a fixed name.
/// </summary>
public sealed class WordPackageTests
{
    [Fact]
    public void A_form_whose_document_part_has_another_name_is_read_through_its_relationship()
    {
        var docx = Repackaged(GmFormBuilder.Filled().Build(), "word/document.xml", "word/main%20document.xml", "/word/main document.xml");

        var result = ReferralFormReader.Read(docx);

        Assert.Null(result.RefusalReason);
        Assert.Equal("Oldham", result.Details!.Value("childResidenceAuthority"));
        Assert.Equal("pat.example@school.example", result.Details.Value("referrerEmail"));
    }

    [Fact]
    public void A_package_whose_relationships_name_no_document_is_refused_as_damaged()
    {
        var docx = WithRelationships(GmFormBuilder.Filled().Build(), "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>");

        var result = ReferralFormReader.Read(docx);

        Assert.Null(result.Details);
        Assert.Equal("The Word file has no document body: it is damaged.", result.RefusalReason);
    }

    [Fact]
    public void A_package_without_relationships_is_refused_as_damaged()
    {
        var docx = Rewritten(GmFormBuilder.Filled().Build(), zip => zip.GetEntry("_rels/.rels")!.Delete());

        Assert.Equal("The Word file has no document body: it is damaged.", ReferralFormReader.Read(docx).RefusalReason);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_refused_as_damaged()
    {
        var result = ReferralFormReader.Read("not a zip at all"u8.ToArray());

        Assert.Null(result.Details);
        Assert.Equal("The Word file is damaged and cannot be opened (InvalidDataException).", result.RefusalReason);
    }

    /// <summary>The document part moved to <paramref name="storedAs"/> (a zip entry name) and the package's relationship pointing at it by <paramref name="target"/> (escaped as a URI).</summary>
    private static byte[] Repackaged(byte[] docx, string from, string target, string storedAs) =>
        Rewritten(docx, zip =>
        {
            var old = zip.GetEntry(from)!;
            using (var source = old.Open())
            using (var copy = zip.CreateEntry(storedAs.TrimStart('/')).Open())
            {
                source.CopyTo(copy);
            }

            old.Delete();
            string relationships;
            using (var reader = new StreamReader(zip.GetEntry("_rels/.rels")!.Open()))
            {
                relationships = reader.ReadToEnd();
            }

            var pointed = Regex.Replace(relationships, "Target=\"/?" + Regex.Escape(from) + "\"", "Target=\"" + target + "\"");
            Assert.NotEqual(relationships, pointed);
            WriteRelationships(zip, pointed);
        });

    private static byte[] WithRelationships(byte[] docx, string xml) => Rewritten(docx, zip => WriteRelationships(zip, xml));

    private static void WriteRelationships(ZipArchive zip, string xml)
    {
        zip.GetEntry("_rels/.rels")!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("_rels/.rels").Open());
        writer.Write(xml);
    }

    private static byte[] Rewritten(byte[] docx, Action<ZipArchive> change)
    {
        using var copy = new MemoryStream();
        copy.Write(docx);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }

        return copy.ToArray();
    }
}
