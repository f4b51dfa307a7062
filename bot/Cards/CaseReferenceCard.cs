using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Cards;

/// <summary>The card a person inserts into an email or a chat to refer to a case: code, partnership,
/// stage and next deadline. Only what the case index
/// holds, so never a child's details.</summary>
public static class CaseReferenceCard
{
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

    public static string NextDeadline(CaseReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.NextDeadline is { } due
            ? $"{reference.NextDeadlineName} {(reference.Overdue ? "was due" : "due")} {BritishDates.DateAndTime(due)}{(reference.Overdue ? " (overdue)" : string.Empty)}"
            : "none outstanding";
    }
}
