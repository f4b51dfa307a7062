using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Meetings;

/// <summary>
/// Whether a meeting time falls inside the playbook's meeting window, as the slots offered do (see
/// <see cref="SlotProposer"/>): from the window's earliest to its due day, on a working day, within the
/// playbook's London working hours. A time outside it may still be chosen, with a reason recorded.
/// </summary>
public static class MeetingWindow
{
    /// <summary>Why <paramref name="start"/>–<paramref name="end"/> is outside the window
    /// <paramref name="meeting"/> (the playbook's meeting deadline as timetabled); null when inside.</summary>
    public static string? Outside(Playbook playbook, TimetableEntry meeting, WorkingDayCalendar calendar, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(calendar);
        var date = WorkingDayCalendar.LondonDate(start);
        var opens = meeting.EarliestDate ?? meeting.DueDate;
        var window = opens == meeting.DueDate ? BritishDates.Date(opens) : $"{BritishDates.Date(opens)} to {BritishDates.Date(meeting.DueDate)}";
        if (date < opens || date > meeting.DueDate)
        {
            return $"the playbook's meeting window is {window}";
        }

        if (!calendar.IsWorkingDay(date))
        {
            return $"{BritishDates.Date(date)} is not a working day";
        }

        var starts = WorkingDayCalendar.AtLondon(date, playbook.Clock.WorkingDayStarts);
        var ends = WorkingDayCalendar.AtLondon(date, playbook.Clock.WorkingDayEnds);
        return start < starts || end > ends
            ? $"it is outside working hours ({BritishDates.Time(playbook.Clock.WorkingDayStarts)} to {BritishDates.Time(playbook.Clock.WorkingDayEnds)})"
            : null;
    }
}
