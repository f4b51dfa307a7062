using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Cards;

/// <summary>The card a person inserts into an email or a chat to refer to a case: code, partnership,
/// stage and next deadline, and the short preview the search list shows. Only what the case index
/// holds, so never a child's details.</summary>
public static class CaseReferenceCard
{
    public const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";

    public static JsonObject Build(CaseReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return AdaptiveCard.Create(
        [
            AdaptiveCard.Heading($"Rapid Review case {reference.CaseCode}"),
            AdaptiveCard.Facts(
            [
                ("Partnership", reference.Partnership),
                ("Stage", reference.Stage),
                ("Next deadline", NextDeadline(reference)),
            ]),
        ]);
    }

    /// <summary>The preview in the search results: a thumbnail card, as Teams and Outlook list them.</summary>
    public static JsonObject Preview(CaseReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new JsonObject
        {
            ["contentType"] = ThumbnailContentType,
            ["content"] = new JsonObject
            {
                ["title"] = reference.CaseCode,
                ["subtitle"] = reference.Partnership,
                ["text"] = $"{Capitalised(reference.Stage)}; next: {NextDeadline(reference)}",
            },
        };
    }

    public static string NextDeadline(CaseReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.NextDeadline is { } due
            ? $"{reference.NextDeadlineName} {(reference.Overdue ? "was due" : "due")} {BritishDates.DateAndTime(due)}{(reference.Overdue ? " (overdue)" : string.Empty)}"
            : "none outstanding";
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
