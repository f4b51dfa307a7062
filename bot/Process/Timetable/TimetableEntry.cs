using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Timetable;

/// <summary>
/// One deadline as it falls for a case: the date it is due (and the window's first day, if it has
/// one), the instant it falls due, whether the rule gives a time of day, which working day after
/// Day 0 it is, and the rule it comes from. <paramref name="OriginalDueAt"/> is set when a business
/// manager moved it.
/// </summary>
public sealed record TimetableEntry(
    DeadlineRule Rule,
    DateOnly? EarliestDate,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    bool HasTimeOfDay,
    int DayNumber,
    DateTimeOffset? OriginalDueAt)
{
    public string Key => Rule.Key;

    public string Name => Rule.Name;

    public bool IsConditional => Rule.Condition is not null;
}
