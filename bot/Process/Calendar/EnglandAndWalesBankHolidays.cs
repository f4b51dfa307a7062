using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace TeamsReviewBot.Process.Calendar;

/// <summary>
/// England-and-Wales bank holidays. The regular ones are computed by the rules of the Banking and
/// Financial Dealings Act 1971 as applied each year (New Year's Day, Good Friday, Easter Monday, the
/// first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, with a
/// substitute weekday when one falls at a weekend); one-off and moved holidays come from
/// one-off-holidays.json, so a new proclamation is a data change, not a code change.
/// </summary>
public sealed class EnglandAndWalesBankHolidays
{
    private const string ResourceName = "TeamsReviewBot.Process.Calendar.one-off-holidays.json";

    private readonly IReadOnlyList<BankHoliday> _added;
    private readonly HashSet<DateOnly> _removed;
    // Every timetable asks about each day it spans: a year's holidays are computed once, then read without a lock.
    private readonly ConcurrentDictionary<int, YearOfHolidays> _byYear = new();

    public EnglandAndWalesBankHolidays(IEnumerable<BankHoliday> added, IEnumerable<DateOnly> removed)
    {
        _added = [.. added];
        _removed = [.. removed];
    }

    /// <summary>The calendar with the one-off holidays shipped inside the assembly.</summary>
    public static EnglandAndWalesBankHolidays Default { get; } = LoadEmbedded();

    public bool IsBankHoliday(DateOnly date) => Year(date.Year).Dates.Contains(date);

    public BankHoliday? Find(DateOnly date) => InYear(date.Year).FirstOrDefault(h => h.Date == date);

    public IReadOnlyList<BankHoliday> InYear(int year) => Year(year).Holidays;

    /// <summary>The dates of a year's bank holidays, each once.</summary>
    public IReadOnlySet<DateOnly> DatesIn(int year) => Year(year).Dates;

    private YearOfHolidays Year(int year) => _byYear.GetOrAdd(year, y =>
    {
        IReadOnlyList<BankHoliday> holidays = [.. Computed(y)
            .Where(h => !_removed.Contains(h.Date))
            .Concat(_added.Where(h => h.Date.Year == y))
            .OrderBy(h => h.Date)];
        return new YearOfHolidays(holidays, holidays.Select(h => h.Date).ToFrozenSet());
    });

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static IEnumerable<BankHoliday> Computed(int year)
    {
        var newYear = new DateOnly(year, 1, 1);
        yield return new BankHoliday(NextWeekday(newYear), newYear.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "New Year's Day (substitute day)" : "New Year's Day");

        var easter = EasterSunday(year);
        yield return new BankHoliday(easter.AddDays(-2), "Good Friday");
        yield return new BankHoliday(easter.AddDays(1), "Easter Monday");
        yield return new BankHoliday(FirstMonday(year, 5), "Early May bank holiday");
        yield return new BankHoliday(LastMonday(year, 5), "Spring bank holiday");
        yield return new BankHoliday(LastMonday(year, 8), "Summer bank holiday");

        // Christmas and Boxing Day: one on a weekend gets the next weekday not already a holiday, so
        // Christmas on a Saturday gives Monday 27 and Tuesday 28, and on a Sunday Boxing Day keeps
        // Monday 26 while Christmas moves to Tuesday 27.
        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        var (christmasObserved, boxingObserved) = christmas.DayOfWeek switch
        {
            DayOfWeek.Saturday => (christmas.AddDays(2), christmas.AddDays(3)),
            DayOfWeek.Sunday => (christmas.AddDays(2), boxingDay),
            DayOfWeek.Friday => (christmas, christmas.AddDays(3)),
            _ => (christmas, boxingDay),
        };
        yield return new BankHoliday(christmasObserved, christmasObserved == christmas ? "Christmas Day" : "Christmas Day (substitute day)");
        yield return new BankHoliday(boxingObserved, boxingObserved == boxingDay ? "Boxing Day" : "Boxing Day (substitute day)");
    }

    private static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    private static EnglandAndWalesBankHolidays LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return Parse(stream);
    }

    /// <summary>Reads a one-off holidays file: "added" holidays and "removed" (moved) regular ones.</summary>
    public static EnglandAndWalesBankHolidays Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var added = new List<BankHoliday>();
        var removed = new List<DateOnly>();
        if (document.RootElement.TryGetProperty("added", out var addedElement))
        {
            foreach (var item in addedElement.EnumerateArray())
            {
                added.Add(new BankHoliday(ReadDate(item), item.GetProperty("name").GetString() ?? "Bank holiday"));
            }
        }

        if (document.RootElement.TryGetProperty("removed", out var removedElement))
        {
            foreach (var item in removedElement.EnumerateArray())
            {
                removed.Add(ReadDate(item));
            }
        }

        return new EnglandAndWalesBankHolidays(added, removed);
    }

    private static DateOnly ReadDate(JsonElement item) =>
        DateOnly.ParseExact(item.GetProperty("date").GetString() ?? string.Empty, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One year's bank holidays, in date order and as a set to look a day up in.</summary>
internal sealed record YearOfHolidays(IReadOnlyList<BankHoliday> Holidays, FrozenSet<DateOnly> Dates);
