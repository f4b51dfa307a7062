using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Timetable;

/// <summary>
/// Computes every deadline of a playbook from the moment a referral arrived. Working days count in
/// the working-day calendar from Day 0 (as the playbook numbers them: <see cref="WorkingDayNumbering"/>) (or from the anchoring step's date); hours count on the clock
/// from the anchoring instant; calendar days, weeks and months land on a working day. A deadline with
/// no time of day falls due at the end of the working day.
/// </summary>
public sealed class TimetableCalculator(WorkingDayCalendar calendar)
{
    public WorkingDayCalendar Calendar => calendar;

    public CaseTimetable Compute(Playbook playbook, DateTimeOffset receivedAt, TimetableFacts? facts = null)
    {
        facts ??= TimetableFacts.None;
        var dayZero = calendar.DayZero(receivedAt, playbook.Clock.CutOff);
        var resolved = new Dictionary<string, TimetableEntry>(StringComparer.Ordinal);

        TimetableEntry Resolve(DeadlineRule rule)
        {
            if (resolved.TryGetValue(rule.Key, out var done))
            {
                return done;
            }

            // A re-submitted referral gets a fresh decision window, counted as if it had just arrived.
            var restarted = rule.CompletedBy == Milestones.Decision && facts.ResubmittedAt is not null;
            var (from, fromDayZero) = restarted ? (facts.ResubmittedAt!.Value, calendar.DayZero(facts.ResubmittedAt.Value, playbook.Clock.CutOff)) : (receivedAt, dayZero);
            var (anchorDate, anchorInstant) = rule.Anchor switch
            {
                "day0" => (fromDayZero, WorkingDayCalendar.AtLondon(fromDayZero, playbook.Clock.WorkingDayStarts)),
                "received" => (WorkingDayCalendar.LondonDate(from), from),
                // Before the Panel has given its date the deadline is not in force (CaseState.InForce); it is
                // shown on the day of the playbook's own deadline met by the same step (the submission's).
                DeadlineRule.NationalPanelExpects => facts.NationalPanelExpects is { } expects
                    ? (expects, WorkingDayCalendar.AtLondon(expects, playbook.Clock.WorkingDayStarts))
                    : playbook.Deadlines.FirstOrDefault(d => d.Key != rule.Key && d.CompletedBy == rule.CompletedBy && d.Anchor != DeadlineRule.NationalPanelExpects) is { } same
                        ? (Resolve(same).DueDate, WorkingDayCalendar.AtLondon(Resolve(same).DueDate, playbook.Clock.WorkingDayStarts))
                        : (fromDayZero, WorkingDayCalendar.AtLondon(fromDayZero, playbook.Clock.WorkingDayStarts)),
                _ => AnchorOf(rule.Anchor),
            };

            var (dueDate, dueAt) = Apply(playbook, rule.Due, rule.Time, rule.Anchor == "day0", anchorDate, anchorInstant, fromDayZero);
            DateOnly? earliest = rule.Earliest is null ? null : Apply(playbook, rule.Earliest, null, rule.Anchor == "day0", anchorDate, anchorInstant, fromDayZero).Date;

            if (rule.NotLaterThan is { } cap && Resolve(playbook.FindDeadline(cap)!) is { } capEntry && capEntry.DueAt < dueAt)
            {
                dueDate = capEntry.DueDate;
                dueAt = capEntry.DueAt;
            }

            DateTimeOffset? original = null;
            if (facts.Moved.TryGetValue(rule.Key, out var moved))
            {
                original = dueAt;
                dueAt = moved;
                dueDate = WorkingDayCalendar.LondonDate(moved);
            }

            var entry = new TimetableEntry(rule, earliest, dueDate, dueAt, rule.Time is not null || rule.Due.Hours is not null || original is not null, calendar.NumberOf(playbook.Clock, dayZero, dueDate), original);
            resolved[rule.Key] = entry;
            return entry;
        }

        (DateOnly, DateTimeOffset) AnchorOf(string key)
        {
            if (facts.Actual.TryGetValue(key, out var happened))
            {
                return (WorkingDayCalendar.LondonDate(happened), happened);
            }

            var planned = Resolve(playbook.FindDeadline(key)!);
            return (planned.DueDate, planned.DueAt);
        }

        foreach (var rule in playbook.Deadlines)
        {
            Resolve(rule);
        }

        // By due instant; deadlines due together keep the playbook's order (a stable sort).
        var ordered = playbook.Deadlines.Select(d => resolved[d.Key]).OrderBy(e => e.DueAt).ToList();
        return new CaseTimetable(playbook, receivedAt, dayZero, ordered);
    }

    private (DateOnly Date, DateTimeOffset At) Apply(Playbook playbook, Offset offset, TimeOnly? time, bool fromDayZero, DateOnly anchorDate, DateTimeOffset anchorInstant, DateOnly dayZero)
    {
        if (offset.Hours is { } hours)
        {
            var at = anchorInstant.AddHours(hours);
            return (WorkingDayCalendar.LondonDate(at), at);
        }

        DateOnly date;
        if (offset.WorkingDays is { } days)
        {
            date = fromDayZero ? calendar.DateOf(playbook.Clock, dayZero, days) : calendar.AddWorkingDays(anchorDate, days);
        }
        else
        {
            var onCalendar = offset.CalendarDays is { } calendarDays ? anchorDate.AddDays(calendarDays)
                : offset.Weeks is { } weeks ? anchorDate.AddDays(7 * weeks)
                : anchorDate.AddMonths(offset.Months!.Value);
            date = calendar.IsWorkingDay(onCalendar) ? onCalendar
                : offset.RollsBack ? calendar.AddWorkingDays(onCalendar, -1)
                : calendar.NextWorkingDay(onCalendar);
        }

        return (date, WorkingDayCalendar.AtLondon(date, time ?? playbook.Clock.WorkingDayEnds));
    }
}
