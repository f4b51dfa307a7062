using TeamsReviewBot.Process.Calendar;

namespace TeamsReviewBot.Tests.Process.Calendar;

public sealed class EnglandAndWalesBankHolidaysTests
{
    // The published gov.uk list of bank holidays in England and Wales, typed in from the list itself.
    public static TheoryData<int, string[]> Published => new()
    {
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
        { 2028, ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void The_computed_holidays_of_a_year_are_exactly_the_published_ones(int year, string[] published)
    {
        var computed = EnglandAndWalesBankHolidays.Default.InYear(year).Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(published, computed);
    }

    [Theory]
    [InlineData("2026-12-28", "Boxing Day (substitute day)")]
    [InlineData("2027-12-27", "Christmas Day (substitute day)")]
    [InlineData("2027-12-28", "Boxing Day (substitute day)")]
    [InlineData("2028-01-03", "New Year's Day (substitute day)")]
    [InlineData("2027-03-26", "Good Friday")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    public void Substitute_and_one_off_days_carry_their_published_names(string date, string name)
    {
        var holiday = EnglandAndWalesBankHolidays.Default.Find(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(name, holiday?.Name);
    }

    [Theory]
    [InlineData("2026-05-08")]
    [InlineData("2026-12-26")]
    [InlineData("2027-12-25")]
    [InlineData("2022-05-30")]
    [InlineData("2020-05-04")]
    public void Weekends_and_days_moved_away_from_are_not_bank_holidays(string date)
    {
        Assert.False(EnglandAndWalesBankHolidays.Default.IsBankHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_Sunday_falls_on_its_Gregorian_date(int year, string easter)
    {
        Assert.Equal(DateOnly.Parse(easter, System.Globalization.CultureInfo.InvariantCulture), EnglandAndWalesBankHolidays.EasterSunday(year));
    }

    [Fact]
    public void A_one_off_holiday_file_adds_and_removes_days()
    {
        using var json = new MemoryStream("""{"added":[{"date":"2029-06-01","name":"Test holiday"}],"removed":[{"date":"2029-05-28"}]}"""u8.ToArray());

        var holidays = EnglandAndWalesBankHolidays.Parse(json);

        Assert.True(holidays.IsBankHoliday(new DateOnly(2029, 6, 1)));
        Assert.False(holidays.IsBankHoliday(new DateOnly(2029, 5, 28)));
        Assert.True(holidays.IsBankHoliday(new DateOnly(2029, 5, 7)));
    }
}
