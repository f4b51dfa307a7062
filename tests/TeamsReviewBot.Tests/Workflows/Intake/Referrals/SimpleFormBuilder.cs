using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsReviewBot.Tests.Workflows.Intake.Referrals;

/// <summary>Builds a Word form from headings, "label | value" rows (values in content controls,
/// or Word's placeholder when left blank) and tables whose first row holds the labels.</summary>
public sealed class SimpleFormBuilder
{
    private readonly Body _body = new();

    public SimpleFormBuilder Heading(string text)
    {
        _body.Append(new Paragraph(new Run(new RunProperties(new Bold()), new Text(text))));
        return this;
    }

    public SimpleFormBuilder Rows(params (string Label, string? Value)[] rows)
    {
        var table = new Table();
        foreach (var (label, value) in rows)
        {
            table.Append(new TableRow(new TableCell(new Paragraph(new Run(new Text(label)))), ValueCell(value)));
        }

        _body.Append(table);
        return this;
    }

    public SimpleFormBuilder ColumnTable(string[] labels, params string?[][] rows)
    {
        var table = new Table(new TableRow(labels.Select(l => new TableCell(new Paragraph(new Run(new Text(l)))))));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(ValueCell)));
        }

        _body.Append(table);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(_body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static TableCell ValueCell(string? value)
    {
        var properties = new SdtProperties();
        if (value is null)
        {
            properties.Append(new ShowingPlaceholder());
        }

        return new TableCell(new Paragraph(new SdtRun(properties, new SdtContentRun(new Run(new Text(value ?? "Click or tap here to enter text."))))));
    }
}
