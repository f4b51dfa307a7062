using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsReviewBot.Documents;

/// <summary>
/// Writes a plain Word document (DOCX) a paragraph or table at a time: headings are bold runs at a
/// larger size, so the file needs no styles part and opens the same in Word, LibreOffice and
/// Word for the web.
/// </summary>
public sealed class WordWriter
{
    private readonly Body _body = new();

    public WordWriter Heading(string text, int halfPoints = 32)
    {
        _body.Append(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }),
            new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }), new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    public WordWriter Subheading(string text) => Heading(text, 26);

    public WordWriter Paragraph(string text, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        var run = new Run(properties);
        var lines = (text ?? string.Empty).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }

        _body.Append(new Paragraph(run));
        return this;
    }

    /// <summary>
    /// A place the author fills in: the guidance in brackets, italic and highlighted, so it is plain
    /// in Word what is still to write and the author can find every such place before signing.
    /// </summary>
    public WordWriter AuthorPlace(string guidance)
    {
        _body.Append(new Paragraph(new Run(
            new RunProperties(new Italic(), new Highlight { Val = HighlightColorValues.Yellow }),
            new Text($"{AuthorPlaceMark} {guidance}]") { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    /// <summary>How every author's place starts, so a reader (or a test) can find them.</summary>
    public const string AuthorPlaceMark = "[For the author:";

    /// <summary>A labelled field with space to answer: "Label:" then an empty line to write on.</summary>
    public WordWriter Field(string label, string? value = null) => Paragraph($"{label}: {value}", bold: false);

    /// <summary>A bordered table whose first row is the header, repeated on each printed page.</summary>
    public WordWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // The schema wants the borders in this order and a grid before the rows; Word repairs a file without them.
        table.Append(new TableGrid(header.Select(_ => new GridColumn { Width = (9000 / Math.Max(1, header.Count)).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(header, isHeader: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, isHeader: false));
        }

        _body.Append(table);

        // Word needs a paragraph between a table and whatever follows it.
        _body.Append(new Paragraph());
        return this;
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document((Body)_body.CloneNode(true));
            main.Document.Save();
        }

        return buffer.ToArray();
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool isHeader)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var run = isHeader ? new Run(new RunProperties(new Bold()), new Text(cell ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve })
                               : new Run(new Text(cell ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }
}
