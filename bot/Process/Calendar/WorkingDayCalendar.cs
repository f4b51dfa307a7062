namespace TeamsReviewBot.Process.Calendar;

/// <summary>
/// Working days in Europe/London: Monday to Friday, less England-and-Wales bank holidays. "Day N"
/// is N working days after Day 0. Every instant in and out is a <see cref="DateTimeOffset"/>; local
/// dates and times are London's, whatever the server's own zone is.
/// </summary>
public sealed class WorkingDayCalendar(EnglandAndWalesBankHolidays holidays)
{
    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static WorkingDayCalendar Default { get; } = new(EnglandAndWalesBankHolidays.Default);

    public EnglandAndWalesBankHolidays Holidays { get; } = holidays;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.IsBankHoliday(date);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> (before it when negative).
    /// Zero gives <paramref name="from"/> itself, working day or not.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var date = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>How many working days after <paramref name="from"/> <paramref name="to"/> is (negative when before).
    /// Counted, not walked: the weekdays between, less the bank holidays among them.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = WeekdaysUpTo(to) - WeekdaysUpTo(from);
        for (var year = from.Year; year <= to.Year; year++)
        {
            foreach (var holiday in Holidays.DatesIn(year))
            {
                if (holiday > from && holiday <= to && holiday.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    count--;
                }
            }
        }

        return count;
    }

    /// <summary>Weekdays from 1 January 0001 (a Monday, day number 0) to <paramref name="date"/>, inclusive.</summary>
    private static int WeekdaysUpTo(DateOnly date)
    {
        var day = date.DayNumber;
        return (day / 7 * 5) + Math.Min((day % 7) + 1, 5);
    }

    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>
    /// Day 0 for something that arrived at <paramref name="receivedAt"/>: that day in London if it is a
    /// working day and it arrived before <paramref name="cutOff"/>; otherwise the next working day.
    /// </summary>
    public DateOnly DayZero(DateTimeOffset receivedAt, TimeOnly cutOff)
    {
        var local = ToLondon(receivedAt);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (!IsWorkingDay(date))
        {
            return NextWorkingDay(date);
        }

        return TimeOnly.FromDateTime(local.DateTime) >= cutOff ? NextWorkingDay(date) : date;
    }

    /// <summary>Day <paramref name="n"/> counted from Day 0 (negative counts back).</summary>
    public DateOnly Day(DateOnly dayZero, int n) => AddWorkingDays(dayZero, n);

    public static DateTimeOffset ToLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>The instant a London wall-clock time happens. In the spring-forward gap the clock
    /// reads an hour later; in the autumn overlap the first (summer time) reading is taken.</summary>
    public static DateTimeOffset AtLondon(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = London.IsAmbiguousTime(local)
            ? London.GetAmbiguousTimeOffsets(local).Max()
            : London.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static DateOnly LondonDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLondon(instant).DateTime);
}
