using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Timetable;

/// <summary>A case's deadlines computed from its playbook and Day 0, in the order they fall due.</summary>
public sealed record CaseTimetable(Playbook Playbook, DateTimeOffset ReceivedAt, DateOnly DayZero, IReadOnlyList<TimetableEntry> Entries)
{
    public TimetableEntry? Find(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    public TimetableEntry Get(string key) => Find(key) ?? throw new KeyNotFoundException($"The timetable has no deadline '{key}'.");

    /// <summary>The deadlines that apply once the decision is <paramref name="outcome"/> (null: not decided yet, shown as the Rapid Review path).</summary>
    public IReadOnlyList<TimetableEntry> For(OutcomeKind? outcome)
    {
        var path = outcome ?? OutcomeKind.RapidReview;
        return [.. Entries.Where(e => e.Rule.AppliesWhen is null || e.Rule.AppliesWhen == path)];
    }
}
