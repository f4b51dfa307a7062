using System.Globalization;
using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Stats;

namespace TeamsReviewBot.Workflows.Stats;

/// <summary>The stats card: the period, the chart the bot drew, and every figure as text (a screen
/// reader and a phone read the facts; the picture is for a glance).</summary>
public static class StatsCard
{
    public static JsonObject Build(PartnershipStatistics stats, byte[] chart, string delivery)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(chart);
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading("Rapid Review statistics"),
            AdaptiveCard.Text(Summary(stats), subtle: true),
            new JsonObject
            {
                ["type"] = "Image",
                ["url"] = "data:image/png;base64," + Convert.ToBase64String(chart),
                ["altText"] = AltText(stats),
                ["msTeams"] = new JsonObject { ["allowExpand"] = true },
            },
        };
        Section(body, "Referrals by source", stats.BySource.Select(t => (t.Label, Number(t.Count))));
        Section(body, "Referrals by category", stats.ByCategory.Select(t => (t.Label, Number(t.Count))));
        Section(body, "Referrals by age band", stats.ByAgeBand.Select(t => (t.Label, Number(t.Count))));
        Section(body, "Decisions by outcome", stats.DecisionsByOutcome.Select(t => (t.Label, Number(t.Count))));
        Section(body, "Time from referral (working days)", stats.Times.Select(t => (t.Step, Time(t))));
        Section(body, "Share of each deadline met", stats.Deadlines.Select(d => ($"{d.Deadline} ({d.Partnership})", Share(d))));
        body.Add(AdaptiveCard.Text(delivery, subtle: true));
        return AdaptiveCard.Create(body);
    }

    public static string Summary(PartnershipStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return $"{stats.Referrals} {(stats.Referrals == 1 ? "referral" : "referrals")} received {BritishDates.Date(stats.Period.From)} to {BritishDates.Date(stats.Period.To)}, as at {BritishDates.DateAndTime(stats.AsAt)}.";
    }

    public static string Time(StepTime t) => t.Cases == 0
        ? "no case has reached it"
        : $"median {t.MedianWorkingDays!.Value.ToString("0.#", CultureInfo.InvariantCulture)}, longest {Number(t.MaxWorkingDays!.Value)} ({Number(t.Cases)} {(t.Cases == 1 ? "case" : "cases")})";

    public static string Share(DeadlineRecord d) =>
        $"{Number(d.Met)} of {Number(d.Counted)} met ({Math.Round(d.ShareMet!.Value * 100).ToString(CultureInfo.InvariantCulture)}%)";

    private static string AltText(PartnershipStatistics stats) =>
        "Chart: " + (stats.Deadlines.Count == 0 ? "no deadline has fallen due yet" : string.Join("; ", stats.Deadlines.Select(d => $"{d.Deadline}: {Share(d)}")))
        + ". Decisions: " + string.Join("; ", stats.DecisionsByOutcome.Select(t => $"{t.Label} {Number(t.Count)}")) + ".";

    private static void Section(List<JsonNode> body, string title, IEnumerable<(string Title, string Value)> facts)
    {
        var list = facts.ToList();
        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
        body.Add(list.Count == 0 ? AdaptiveCard.Text("None in this period.", subtle: true) : AdaptiveCard.Facts(list));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
