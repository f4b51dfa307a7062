using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Board;

/// <summary>
/// Turns open cases into the board: each case's deadlines as <see cref="CaseSchedule.Deadlines"/>
/// gives them (the same dates and states as the timetable command), its meeting and sign-off
/// windows, and the axis of days around them. Deadlines more than <see cref="HorizonWorkingDays"/>
/// working days after a case's Day 0 (moderation months later, a practice review's six months) are
/// listed in words rather than stretching every row to them.
/// </summary>
public sealed class BoardBuilder(CaseSchedule schedule)
{
    /// <summary>Three working weeks: the 15 working days of a Rapid Review with room for a moved date.</summary>
    public const int HorizonWorkingDays = 25;

    public WorkingDayCalendar Calendar => schedule.Calendar;

    public BoardRow Row(Playbook playbook, CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        var deadlines = schedule.Deadlines(playbook, state, now);
        var horizon = Calendar.AddWorkingDays(state.DayZero, HorizonWorkingDays);
        var marks = deadlines.Select(d => Mark(d)).ToList();
        var windows = deadlines
            .Where(d => d.Entry.EarliestDate is not null && d.Status != DeadlineStatus.Conditional && KindOf(playbook, d) is not null)
            .Select(d => new BoardWindow(
                KindOf(playbook, d)!.Value,
                d.Entry.Name,
                d.Entry.EarliestDate!.Value,
                d.Entry.DueDate,
                KindOf(playbook, d) == WindowKind.Meeting ? state.MeetingHeldAt ?? state.MeetingAt : null))
            .Where(w => w.To <= horizon)
            .ToList();
        return new BoardRow(
            state.CaseCode,
            playbook.Key,
            playbook.Name,
            playbook.Clock,
            state.Stage,
            state.DayZero,
            [.. marks.Where(m => m.Date <= horizon)],
            windows,
            [.. marks.Where(m => m.Date > horizon)]);
    }

    /// <summary>The board for <paramref name="rows"/>: days from the earliest Day 0 (or today) to the last deadline drawn (or today).</summary>
    public BoardPicture Picture(IEnumerable<BoardRow> rows, DateTimeOffset now)
    {
        var list = rows.OrderBy(r => r.DayZero).ThenBy(r => r.CaseCode, StringComparer.Ordinal).ToList();
        var today = WorkingDayCalendar.LondonDate(now);
        var from = list.Select(r => r.DayZero).Append(today).Min();
        var to = list.SelectMany(r => r.Marks.Select(m => m.Date).Concat(r.Marks.Select(m => m.OriginalDate ?? m.Date)).Concat(r.Windows.Select(w => w.To)))
            .Append(today).Max();
        var days = new List<BoardDay>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(new BoardDay(day, Calendar.IsWorkingDay(day), Calendar.Holidays.Find(day)?.Name));
        }

        return new BoardPicture(now, today, days, list);
    }

    private static BoardMark Mark(CaseDeadline deadline)
    {
        var entry = deadline.Entry;
        var state = deadline.Status switch
        {
            DeadlineStatus.Done => MarkState.Done,
            DeadlineStatus.Conditional => MarkState.Conditional,
            DeadlineStatus.Overdue => MarkState.Overdue,
            _ when entry.OriginalDueAt is not null => MarkState.Moved,
            _ => MarkState.Due,
        };
        DateOnly? original = entry.OriginalDueAt is { } at ? WorkingDayCalendar.LondonDate(at) : null;
        return new BoardMark(entry.Key, entry.Name, entry.DueDate, entry.DueAt, state, entry.DayNumber, original, entry.OriginalDueAt, deadline.DoneAt);
    }

    private static WindowKind? KindOf(Playbook playbook, CaseDeadline deadline) =>
        string.Equals(deadline.Entry.Key, playbook.Meeting.Deadline, StringComparison.Ordinal) ? WindowKind.Meeting
        : deadline.Entry.Rule.CompletedBy == Milestones.SignedOff ? WindowKind.SignOff
        : null;
}
