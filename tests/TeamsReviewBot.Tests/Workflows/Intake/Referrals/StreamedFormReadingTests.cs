using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using MimeKit;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Intake.Referrals;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

/// <summary>
/// The form reader streams the document part into light nodes instead of the Open XML SDK's typed tree.
/// These read the repository's sample forms both ways and compare what the walker relies on: every
/// paragraph's and cell's visible text and every content control as read.
/// </summary>
public sealed class StreamedFormReadingTests
{
    public static TheoryData<string> Samples => ["gm-filled", "gm-legacy-tick-boxes", "gm-typed-date", "tameside-part-a", "gm-sample-email"];

    // Tameside's Part A is typed into table cells: it has no content controls to compare.
    public static TheoryData<string> SamplesWithControls => ["gm-filled", "gm-legacy-tick-boxes", "gm-typed-date", "gm-sample-email"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_paragraph_and_cell_reads_the_same_text_as_the_open_xml_tree(string sample)
    {
        var docx = Sample(sample);
        var (tree, streamed) = BothReadings(docx);

        var treeBlocks = tree.Descendants().Where(e => e is W.Paragraph or W.TableCell).Select(TreeText).ToList();
        var streamedBlocks = streamed.Descendants().Where(n => n.Is("p") || n.Is("tc")).Select(WordText.Of).ToList();

        Assert.True(treeBlocks.Count > 20, "the sample has paragraphs and cells to compare");
        Assert.Equal(treeBlocks, streamedBlocks);
    }

    [Theory]
    [MemberData(nameof(SamplesWithControls))]
    public void Every_content_control_reads_the_same_as_the_open_xml_tree(string sample)
    {
        var docx = Sample(sample);
        var (tree, streamed) = BothReadings(docx);

        var treeControls = tree.Descendants<W.SdtElement>()
            .Where(sdt => sdt.SdtProperties?.ChildElements.Any(c => c.LocalName == "checkbox") != true)
            .Select(TreeControl)
            .ToList();
        var walker = new FormWalker(["none"]);
        walker.Walk(streamed);
        var streamedControls = walker.ContentControls.Select(c => (c.Text, c.IsPlaceholder, c.FullDate, c.Tag, c.Alias, c.IsDropDown, c.IsDate)).ToList();

        Assert.NotEmpty(treeControls);
        Assert.Equal(treeControls, streamedControls);
    }

    [Fact]
    public void A_document_part_that_is_not_xml_is_refused_as_damaged()
    {
        var docx = ReplacePart(GmFormBuilder.Filled().Build(), "<w:document xmlns:w=\"" + WordNode.Main + "\"><w:body><w:p>");

        var result = ReferralFormReader.Read(docx);

        Assert.Null(result.Details);
        Assert.Contains("damaged", result.RefusalReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_part_without_a_body_is_refused_as_damaged()
    {
        var docx = ReplacePart(GmFormBuilder.Filled().Build(), "<w:document xmlns:w=\"" + WordNode.Main + "\"/>");

        var result = ReferralFormReader.Read(docx);

        Assert.Equal("The Word file has no document body: it is damaged.", result.RefusalReason);
    }

    private static (W.Body Tree, WordNode Streamed) BothReadings(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);
        var tree = document.MainDocumentPart!.Document!.Body!;
        using var part = document.MainDocumentPart.GetStream(FileMode.Open, FileAccess.Read);
        var streamed = WordNode.LoadBody(part)!;
        return (tree, streamed);
    }

    /// <summary>The reading the walker did over the SDK's tree: w:t, tabs in runs as spaces, breaks and later paragraphs as new lines.</summary>
    private static string TreeText(OpenXmlElement element)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var node in element.Descendants())
        {
            switch (node)
            {
                case W.Text t:
                    builder.Append(t.Text);
                    break;
                case W.TabChar:
                    builder.Append(' ');
                    break;
                case W.Break or W.CarriageReturn:
                    builder.Append('\n');
                    break;
                case W.Paragraph when builder.Length > 0:
                    builder.Append('\n');
                    break;
            }
        }

        return builder.ToString();
    }

    private static (string Text, bool IsPlaceholder, string? FullDate, string? Tag, string? Alias, bool IsDropDown, bool IsDate) TreeControl(W.SdtElement sdt)
    {
        var properties = sdt.SdtProperties;
        var content = sdt.ChildElements.FirstOrDefault(c => c.LocalName == "sdtContent");
        var text = content is null ? string.Empty : TreeText(content);
        var showingPlaceholder = properties?.GetFirstChild<W.ShowingPlaceholder>() is { } shown && (shown.Val is null || shown.Val.Value);
        var date = properties?.GetFirstChild<W.SdtContentDate>();
        var placeholderTexts = new[] { "choose an item.", "click or tap to enter a date.", "click or tap here to enter text.", "click here to enter text.", "click here to enter a date." };
        return (
            text.Trim(),
            showingPlaceholder || placeholderTexts.Contains(text.Trim().ToLowerInvariant()),
            date?.FullDate?.Value is { } full ? full.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            properties?.GetFirstChild<W.Tag>()?.Val?.Value,
            properties?.GetFirstChild<W.SdtAlias>()?.Val?.Value,
            properties?.GetFirstChild<W.SdtContentDropDownList>() is not null || properties?.GetFirstChild<W.SdtContentComboBox>() is not null,
            date is not null);
    }

    private static byte[] Sample(string name) => name switch
    {
        "gm-filled" => GmFormBuilder.Filled().Build(),
        "gm-legacy-tick-boxes" => GmFormBuilder.Filled().WithLegacyTickBoxes().Tick("Neglect").Build(),
        "gm-typed-date" => GmFormBuilder.Filled().TypedDate("Date of Referral", "20th November 2026").Build(),
        "tameside-part-a" => TamesidePartABuilder.Filled().Build(),
        "gm-sample-email" => SampleEmailForm(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>The form attached to the Graph sandbox's sample referral email, as the catch-up benchmark sends it.</summary>
    private static byte[] SampleEmailForm()
    {
        var message = MimeMessage.Load(Path.Combine(RepositoryRoot.Folder, "tests", "GraphSandbox", "samples", "gm-notification-form-referral.eml"));
        var attachment = message.Attachments.OfType<MimePart>().Single(a => a.FileName?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) == true);
        using var bytes = new MemoryStream();
        attachment.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    private static byte[] ReplacePart(byte[] docx, string documentXml)
    {
        using var copy = new MemoryStream();
        copy.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(documentXml);
        }

        return copy.ToArray();
    }
}
