using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Cards;

/// <summary>The answer to "cases": every open case by code, its stage and its next deadline, soonest
/// first. Only what the case index holds, so never a child's details.</summary>
public static class OpenCasesCard
{
    public static JsonObject Build(IReadOnlyList<OpenCaseLine> cases)
    {
        var body = new List<JsonNode> { AdaptiveCard.Heading($"Open cases ({cases.Count})") };
        if (cases.Count == 0)
        {
            body.Add(AdaptiveCard.Text("There are no open cases."));
        }
        else
        {
            body.Add(AdaptiveCard.Facts(cases.Select(c => (c.CaseCode, c.Describe()))));
        }

        return AdaptiveCard.Create(body);
    }

    public static string Text(IReadOnlyList<OpenCaseLine> cases) =>
        cases.Count == 0 ? "There are no open cases." : string.Join("\n", cases.Select(c => $"- {c.CaseCode}: {c.Describe()}"));
}

/// <summary>One open case as "cases" lists it.</summary>
public sealed record OpenCaseLine(string CaseCode, string Stage, string? NextDeadlineName, DateTimeOffset? NextDeadline, bool Overdue)
{
    public static OpenCaseLine From(CaseIndexEntry entry, string stageDescription, DateTimeOffset now) =>
        new(entry.CaseCode, stageDescription, entry.NextDeadlineName, entry.NextDeadline, entry.NextDeadline < now);

    public string Describe() => NextDeadline is { } due
        ? $"{Stage}; next: {NextDeadlineName} {(Overdue ? "was due" : "due")} {BritishDates.DateAndTime(due)}{(Overdue ? " (overdue)" : string.Empty)}"
        : Stage;
}
