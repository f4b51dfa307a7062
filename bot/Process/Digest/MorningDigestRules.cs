using TeamsReviewBot.Process.Calendar;

namespace TeamsReviewBot.Process.Digest;

/// <summary>Where a deadline stands on the morning of a digest.</summary>
public enum DigestBucket
{
    Overdue,
    DueToday,
    DueSoon,
    Later,
}

/// <summary>
/// When the business managers' morning digest goes out and what it lists: on working days only (no
/// weekend or England and Wales bank holiday), at the playbook's time; a deadline is overdue once its
/// moment has passed (so Monday's digest still shows what fell due over the weekend), due today when
/// it falls later the same London day, and due soon within the next two working days.
/// </summary>
public static class MorningDigestRules
{
    /// <summary>How many working days after today "due soon" looks ahead.</summary>
    public const int SoonWorkingDays = 2;

    public const string TimerKind = "morning-digest";

    /// <summary>The timer of the digest on <paramref name="day"/>; one per day, whichever instance schedules it.</summary>
    public static string TimerId(DateOnly day) => $"morning-digest-{day:yyyy-MM-dd}";

    /// <summary>The first digest moment strictly after <paramref name="after"/>: a working day at <paramref name="at"/>, London time.</summary>
    public static DateTimeOffset NextAt(WorkingDayCalendar calendar, TimeOnly at, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = WorkingDayCalendar.LondonDate(after);
        while (true)
        {
            if (calendar.IsWorkingDay(day) && WorkingDayCalendar.AtLondon(day, at) is var moment && moment > after)
            {
                return moment;
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>The day whose digest is due at <paramref name="now"/>: today, when it is a working day and
    /// its digest time has come; otherwise none (a weekend, a bank holiday, or too early).</summary>
    public static DateOnly? DayDue(WorkingDayCalendar calendar, TimeOnly at, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = WorkingDayCalendar.LondonDate(now);
        return calendar.IsWorkingDay(today) && now >= WorkingDayCalendar.AtLondon(today, at) ? today : null;
    }

    public static DigestBucket Classify(WorkingDayCalendar calendar, DateTimeOffset dueAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (dueAt < now)
        {
            return DigestBucket.Overdue;
        }

        var today = WorkingDayCalendar.LondonDate(now);
        var dueDay = WorkingDayCalendar.LondonDate(dueAt);
        return dueDay == today ? DigestBucket.DueToday
            : dueDay <= calendar.AddWorkingDays(today, SoonWorkingDays) ? DigestBucket.DueSoon
            : DigestBucket.Later;
    }
}
