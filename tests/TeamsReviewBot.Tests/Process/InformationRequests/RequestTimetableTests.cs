using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Tests.Process.InformationRequests;

public class RequestTimetableTests
{
    private static readonly TimeOnly Starts = new(9, 0);
    private static readonly TimeOnly Ends = new(17, 0);

    private static DateTimeOffset London(int y, int m, int d, int h, int min = 0) => WorkingDayCalendar.AtLondon(new DateOnly(y, m, d), new TimeOnly(h, min));

    [Fact]
    public void Chasers_skip_the_weekend_and_bank_holidays_before_the_deadline()
    {
        // Due Monday 4 January 2027: the working day before is Thursday 31 December (1 January is a bank holiday).
        var timers = RequestTimetable.AfterSending(WorkingDayCalendar.Default, "RR-OLD-2026-0001", new DateOnly(2027, 1, 4), Starts, Ends, London(2026, 12, 29, 9));

        Assert.Equal(
            [
                ("RR-OLD-2026-0001:requests:chase-before", RequestTimerKinds.Chase, London(2026, 12, 31, 9)),
                ("RR-OLD-2026-0001:requests:chase-due", RequestTimerKinds.Chase, London(2027, 1, 4, 9)),
                ("RR-OLD-2026-0001:requests:overdue", RequestTimerKinds.Overdue, London(2027, 1, 4, 17)),
                ("RR-OLD-2026-0001:requests:collate", RequestTimerKinds.Collate, London(2027, 1, 5, 9)),
            ],
            timers.Select(t => (t.Id, t.Kind, t.FireAt)));
        Assert.True(timers.Single(t => t.Id.EndsWith("chase-due", StringComparison.Ordinal)).DueToday);
    }

    [Fact]
    public void Moments_already_past_are_left_out()
    {
        var timers = RequestTimetable.AfterSending(WorkingDayCalendar.Default, "RR-OLD-2026-0001", new DateOnly(2027, 1, 4), Starts, Ends, London(2027, 1, 4, 10));

        Assert.Equal(["RR-OLD-2026-0001:requests:overdue", "RR-OLD-2026-0001:requests:collate"], timers.Select(t => t.Id));
    }

    [Fact]
    public void Requests_go_out_at_the_start_of_the_send_day_or_at_once_when_it_has_passed()
    {
        Assert.Equal(London(2026, 12, 29, 9), RequestTimetable.SendTimer("RR-OLD-2026-0001", new DateOnly(2026, 12, 29), Starts, London(2026, 12, 24, 11)).FireAt);
        Assert.Equal(London(2026, 12, 29, 14), RequestTimetable.SendTimer("RR-OLD-2026-0001", new DateOnly(2026, 12, 29), Starts, London(2026, 12, 29, 14)).FireAt);
    }

    [Fact]
    public void British_summer_time_moves_the_instant_not_the_wall_clock()
    {
        var timers = RequestTimetable.AfterSending(WorkingDayCalendar.Default, "RR-OLD-2027-0009", new DateOnly(2027, 6, 14), Starts, Ends, London(2027, 6, 1, 9));

        Assert.Equal(new DateTimeOffset(2027, 6, 11, 8, 0, 0, TimeSpan.Zero), timers[0].FireAt.ToUniversalTime());
    }
}
