using TeamsReviewBot.Process.Calendar;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly TimeOnly FourPm = new(16, 0);

    [Theory]
    [InlineData("2026-12-21", 1, "2026-12-22")]
    [InlineData("2026-12-24", 1, "2026-12-29")]
    [InlineData("2026-12-21", 7, "2027-01-04")]
    [InlineData("2027-01-04", -7, "2026-12-21")]
    [InlineData("2027-03-25", 1, "2027-03-30")]
    [InlineData("2027-03-30", -1, "2027-03-25")]
    [InlineData("2027-12-24", 1, "2027-12-29")]
    [InlineData("2027-05-03", 0, "2027-05-03")]
    public void Adding_working_days_skips_weekends_and_bank_holidays_both_ways(string from, int days, string expected)
    {
        Assert.Equal(Date(expected), WorkingDays.AddWorkingDays(Date(from), days));
    }

    [Theory]
    [InlineData("2026-12-21", "2027-01-14", 15)]
    [InlineData("2027-01-14", "2026-12-21", -15)]
    [InlineData("2027-03-25", "2027-03-30", 1)]
    public void Working_days_between_two_dates_count_only_working_days(string from, string to, int expected)
    {
        Assert.Equal(expected, WorkingDays.WorkingDaysBetween(Date(from), Date(to)));
    }

    [Fact]
    public void Working_days_between_agree_with_walking_the_calendar_day_by_day_over_years()
    {
        // A one-off holiday on a weekday, one on a Saturday, and one on a regular holiday's own date (counted once).
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            """{"added":[{"date":"2027-06-09","name":"One-off"},{"date":"2027-06-12","name":"On a Saturday"},{"date":"2027-12-27","name":"Twice"}],"removed":[{"date":"2028-05-01"}]}"""));
        var calendar = new WorkingDayCalendar(EnglandAndWalesBankHolidays.Parse(json));
        var start = new DateOnly(2026, 11, 20);
        for (var offset = 0; offset < 40; offset += 3)
        {
            var from = start.AddDays(offset);
            var walked = 0;
            for (var to = from; to <= from.AddDays(800); to = to.AddDays(1))
            {
                if (to > from && calendar.IsWorkingDay(to))
                {
                    walked++;
                }

                Assert.Equal(walked, calendar.WorkingDaysBetween(from, to));
                Assert.Equal(-walked, calendar.WorkingDaysBetween(to, from));
            }
        }
    }

    [Fact]
    public void A_referral_before_the_cut_off_on_a_working_day_is_Day_0_that_day()
    {
        Assert.Equal(new DateOnly(2027, 1, 15), WorkingDays.DayZero(London(2027, 1, 15, 15, 59), FourPm));
    }

    [Fact]
    public void A_referral_at_or_after_the_cut_off_on_a_Friday_counts_from_Monday()
    {
        Assert.Equal(new DateOnly(2027, 1, 18), WorkingDays.DayZero(London(2027, 1, 15, 16, 0), FourPm));
        Assert.Equal(new DateOnly(2027, 1, 18), WorkingDays.DayZero(London(2027, 1, 15, 17, 30), FourPm));
    }

    [Fact]
    public void A_referral_on_a_bank_holiday_or_weekend_counts_from_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2027, 5, 4), WorkingDays.DayZero(London(2027, 5, 3, 10), FourPm));
        Assert.Equal(new DateOnly(2026, 12, 29), WorkingDays.DayZero(London(2026, 12, 26, 10), FourPm));
        Assert.Equal(new DateOnly(2027, 3, 30), WorkingDays.DayZero(London(2027, 3, 26, 8), FourPm));
    }

    [Fact]
    public void Day_0_uses_London_time_not_UTC_in_summer()
    {
        // 15:30 UTC on 1 July is 16:30 in London: after a 4 pm cut-off.
        var receivedAt = new DateTimeOffset(2027, 7, 1, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 7, 2), WorkingDays.DayZero(receivedAt, FourPm));
    }

    [Fact]
    public void London_wall_clock_times_become_the_right_instants_either_side_of_the_clocks_changing()
    {
        Assert.Equal(new DateTimeOffset(2027, 3, 26, 16, 0, 0, TimeSpan.Zero), WorkingDayCalendar.AtLondon(new DateOnly(2027, 3, 26), FourPm));
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 15, 0, 0, TimeSpan.Zero), WorkingDayCalendar.AtLondon(new DateOnly(2027, 3, 29), FourPm));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 2, 30, 0, TimeSpan.FromHours(1)), WorkingDayCalendar.AtLondon(new DateOnly(2027, 3, 28), new TimeOnly(1, 30)));
    }

    [Theory]
    [InlineData(2027, 1, 14, 16, 0, "Thursday 14 January 2027, 4 pm")]
    [InlineData(2027, 3, 25, 9, 30, "Thursday 25 March 2027, 9.30 am")]
    [InlineData(2027, 7, 1, 12, 0, "Thursday 1 July 2027, 12 noon")]
    [InlineData(2026, 12, 28, 0, 5, "Monday 28 December 2026, 12.05 am")]
    public void Dates_are_written_the_British_way(int year, int month, int day, int hour, int minute, string expected)
    {
        Assert.Equal(expected, BritishDates.DateAndTime(London(year, month, day, hour, minute)));
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
