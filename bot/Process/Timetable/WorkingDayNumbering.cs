using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Timetable;

/// <summary>
/// The one place a playbook's "working day N" becomes a date and a date becomes a working-day number.
/// Most playbooks count Day N as N working days after Day 0; a playbook whose clock says working day 1
/// is the notification day (<see cref="WorkingDayOne.NotificationDay"/>) counts Day 0 itself as working day 1.
/// </summary>
public static class WorkingDayNumbering
{
    /// <summary>The date of working day <paramref name="n"/> of a case whose Day 0 is <paramref name="dayZero"/>.</summary>
    public static DateOnly DateOf(this WorkingDayCalendar calendar, ClockRule clock, DateOnly dayZero, int n) =>
        calendar.AddWorkingDays(dayZero, n - FirstDayOffset(clock));

    /// <summary>Which working day <paramref name="date"/> is, counted the playbook's way from Day 0.</summary>
    public static int NumberOf(this WorkingDayCalendar calendar, ClockRule clock, DateOnly dayZero, DateOnly date) =>
        calendar.WorkingDaysBetween(dayZero, date) + FirstDayOffset(clock);

    /// <summary>The start of the count in words: "Day 0 is …", or "working day 1 is …" where Day 0 is working day 1.</summary>
    public static string DescribeStart(ClockRule clock, DateOnly dayZero) => $"{StartName(clock)} is {BritishDates.Date(dayZero)}";

    /// <summary>What the playbook calls the day its count starts on: "Day 0", or "working day 1" where that is the notification day.</summary>
    public static string StartName(ClockRule clock) => DayName(clock, FirstDayOffset(clock));

    /// <summary>
    /// Working day <paramref name="n"/> (a number from <see cref="NumberOf"/>, so already the playbook's own)
    /// named as the partnership's procedure names it: "Day 5", or "working day 5" where the procedure counts
    /// working days from the notification day (Gloucestershire's timetable, seed-004 L125–L126).
    /// </summary>
    public static string DayName(ClockRule clock, int n) => $"{DayWord(clock)} {n}";

    /// <summary>A window of working days: "Day 13–14", or "working days 13–14"; one day is named as <see cref="DayName"/>.</summary>
    public static string DaysName(ClockRule clock, int first, int last) =>
        first == last ? DayName(clock, last)
        : CountsFromNotificationDay(clock) ? $"working days {first}–{last}"
        : $"Day {first}–{last}";

    /// <summary>A day's name as a heading, label or the start of a line: "Working day 1", "Day 0".</summary>
    public static string AsHeading(string dayName)
    {
        ArgumentNullException.ThrowIfNull(dayName);
        return dayName.Length == 0 ? dayName : char.ToUpperInvariant(dayName[0]) + dayName[1..];
    }

    /// <summary>The word before the number: "Day", or "working day" (a column heading takes it through <see cref="AsHeading"/>).</summary>
    public static string DayWord(ClockRule clock) => CountsFromNotificationDay(clock) ? "working day" : "Day";

    /// <summary>The lowest working day a day-0 deadline may name: 1 where Day 0 is itself working day 1.</summary>
    public static int FirstDayOffset(ClockRule clock) => CountsFromNotificationDay(clock) ? 1 : 0;

    private static bool CountsFromNotificationDay(ClockRule clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.WorkingDayOne == WorkingDayOne.NotificationDay;
    }
}
