using System.Globalization;

namespace TeamsReviewBot.Process.Calendar;

/// <summary>Dates and times written the British way, in London time: "Thursday 14 January 2027, 4 pm".</summary>
public static class BritishDates
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string Time(TimeOnly time)
    {
        if (time == new TimeOnly(12, 0))
        {
            return "12 noon";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "am" : "pm";
        return time.Minute == 0
            ? $"{hour} {suffix}"
            : string.Create(CultureInfo.InvariantCulture, $"{hour}.{time.Minute:00} {suffix}");
    }

    /// <summary>"Thursday 14 January 2027, 4 pm" for the London wall-clock reading of <paramref name="instant"/>.</summary>
    public static string DateAndTime(DateTimeOffset instant)
    {
        var local = WorkingDayCalendar.ToLondon(instant);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))}, {Time(TimeOnly.FromDateTime(local.DateTime))}";
    }
}
