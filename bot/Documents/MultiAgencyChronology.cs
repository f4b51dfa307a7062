namespace TeamsReviewBot.Documents;

/// <summary>
/// Merges the agencies' chronologies into one, ordered by date (then time, then agency, then the
/// order the agency wrote them), with the source agency on every row, as Chronolator's composite
/// chronology does. Rows with a date that could not be read come last, under their own heading,
/// so nothing an agency sent is lost.
/// </summary>
public static class MultiAgencyChronology
{
    public static IReadOnlyList<ChronologyRow> Merge(IEnumerable<IReadOnlyList<ChronologyRow>> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        return [.. returns
            .SelectMany(rows => rows)
            .Select((row, index) => (row, index))
            .OrderBy(x => x.row.Date is null)
            .ThenBy(x => x.row.Date)
            .ThenBy(x => x.row.Time, StringComparer.Ordinal)
            .ThenBy(x => x.row.Source, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.index)
            .Select(x => x.row)];
    }

    /// <summary>The merged chronology as a DOCX for the business manager to check.</summary>
    public static byte[] Write(string caseCode, string partnership, IReadOnlyList<ChronologyRow> merged, IReadOnlyList<string> agencies, DateOnly collatedOn)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(agencies);
        var writer = new WordWriter()
            .Heading($"Multi-agency chronology – {caseCode}")
            .Paragraph("CONFIDENTIAL WHEN COMPLETED", bold: true)
            .Field("Partnership", partnership)
            .Field("Collated", collatedOn.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")))
            .Field("Returns merged", string.Join(", ", agencies))
            .Paragraph("Draft for the business manager to check before it goes to the panel.", italic: true);

        var dated = merged.Where(r => r.Date is not null).ToList();
        var undated = merged.Where(r => r.Date is null).ToList();
        writer.Table(ChronologyColumns.MergedHeader, dated.Select(Cells));
        if (undated.Count > 0)
        {
            writer.Subheading("Entries whose date could not be read")
                .Paragraph("Kept as the agency wrote them; check the date with the agency.")
                .Table(ChronologyColumns.MergedHeader, undated.Select(Cells));
        }

        return writer.ToBytes();
    }

    private static IReadOnlyList<string> Cells(ChronologyRow row) =>
        [row.Date?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? row.DateAsWritten, row.Time, row.Source, row.Event, row.Outcome, row.Practitioner];
}
