using System.Globalization;
using TeamsReviewBot.Process.Export;

namespace TeamsReviewBot.Process.Stats;

/// <summary>The period's figures as one CSV table for a spreadsheet: a row per figure, the section
/// it belongs to first. Numbers are written invariantly (a point for decimals).</summary>
public static class StatsCsv
{
    public static readonly IReadOnlyList<string> Columns = ["section", "item", "count", "median_working_days", "max_working_days", "met", "missed", "share_met_percent"];

    public static string FileName(StatsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"Rapid Review statistics {Iso(period.From)} to {Iso(period.To)}.csv";
    }

    public static byte[] Write(PartnershipStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var rows = new List<IReadOnlyList<string>>
        {
            Row("period", "from", Iso(stats.Period.From)),
            Row("period", "to", Iso(stats.Period.To)),
            Row("referrals", "total", Number(stats.Referrals)),
        };
        rows.AddRange(stats.BySource.Select(t => Row("referrals by source", t.Label, Number(t.Count))));
        rows.AddRange(stats.ByCategory.Select(t => Row("referrals by category", t.Label, Number(t.Count))));
        rows.AddRange(stats.ByAgeBand.Select(t => Row("referrals by age band", t.Label, Number(t.Count))));
        rows.AddRange(stats.DecisionsByOutcome.Select(t => Row("decisions by outcome", t.Label, Number(t.Count))));
        rows.AddRange(stats.Times.Select(t => (IReadOnlyList<string>)
        [
            "time in working days", t.Step, Number(t.Cases),
            t.MedianWorkingDays?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty,
            t.MaxWorkingDays is { } max ? Number(max) : string.Empty, string.Empty, string.Empty, string.Empty,
        ]));
        rows.AddRange(stats.Deadlines.Select(d => (IReadOnlyList<string>)
        [
            "deadline met", $"{d.Partnership}: {d.Deadline}", Number(d.Counted), string.Empty, string.Empty,
            Number(d.Met), Number(d.Missed), d.ShareMet is { } share ? Math.Round(share * 100).ToString(CultureInfo.InvariantCulture) : string.Empty,
        ]));
        return Csv.Write(Columns, rows);
    }

    private static IReadOnlyList<string> Row(string section, string item, string count) => [section, item, count, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
