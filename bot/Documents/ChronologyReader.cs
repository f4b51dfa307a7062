using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsReviewBot.Documents;

/// <summary>
/// Reads the chronology rows out of an agency's returned DOCX: every table whose header row has a
/// "Date" column and an event column (the template's own, or one an agency drew itself with
/// similar headings). Rows with nothing in them are skipped; rows whose date cannot be read are
/// kept with the date as written. Callers screen the file first (size, unpacked size, macros); the
/// reader also caps each part's characters and turns every way a damaged package or bad XML fails
/// (the SDK parses parts lazily, so that is while reading, not only on opening) into one
/// <see cref="InvalidDataException"/> with a reason a person can read.
/// </summary>
public static class ChronologyReader
{
    /// <summary>No chronology part comes near this many characters (about 40 MB of XML).</summary>
    public const long MaxCharactersInPart = 20_000_000;

    public static IReadOnlyList<ChronologyRow> Read(ReadOnlyMemory<byte> docx, string agency)
    {
        using var stream = new MemoryStream(docx.ToArray(), writable: false);
        try
        {
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            return ReadBody(document, agency);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException("The file is not a Word document that can be read.", ex);
        }
    }

    private static List<ChronologyRow> ReadBody(WordprocessingDocument document, string agency)
    {
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return [];
        }

        var rows = new List<ChronologyRow>();
        foreach (var table in body.Descendants<Table>())
        {
            rows.AddRange(ReadTable(table, agency));
        }

        return rows;
    }

    private static IEnumerable<ChronologyRow> ReadTable(Table table, string agency)
    {
        var tableRows = table.Elements<TableRow>().ToList();
        if (tableRows.Count < 2)
        {
            yield break;
        }

        var header = Cells(tableRows[0]).Select(h => h.ToLowerInvariant()).ToList();
        var date = header.FindIndex(h => h.StartsWith("date", StringComparison.Ordinal));
        var evt = header.FindIndex(h => h.Contains("event", StringComparison.Ordinal) || h.Contains("contact", StringComparison.Ordinal) || h.Contains("detail", StringComparison.Ordinal));
        if (date < 0 || evt < 0)
        {
            yield break;
        }

        var time = header.FindIndex(h => h.StartsWith("time", StringComparison.Ordinal));
        var outcome = header.FindIndex(h => h.Contains("outcome", StringComparison.Ordinal) || h.Contains("action", StringComparison.Ordinal));
        var who = header.FindIndex(h => h.Contains("practitioner", StringComparison.Ordinal) || h.Contains("role", StringComparison.Ordinal) || h.Contains("by whom", StringComparison.Ordinal));

        foreach (var row in tableRows.Skip(1))
        {
            var cells = Cells(row);
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var written = At(cells, date);
            yield return new ChronologyRow(
                ChronologyDates.Parse(written),
                written,
                At(cells, time),
                At(cells, evt),
                At(cells, outcome),
                At(cells, who),
                agency);
        }
    }

    private static List<string> Cells(TableRow row) =>
        [.. row.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText)).Trim())];

    private static string At(List<string> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;
}
