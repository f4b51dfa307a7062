using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Playbooks;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

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
    public void Oldhams_requests_go_out_at_the_start_of_Day_2_or_at_once_when_it_has_passed()
    {
        var oldham = Playbook("oldham").InformationRequests;

        var early = RequestSendMoment.For(oldham, new DateOnly(2026, 12, 29), Starts, London(2026, 12, 24, 11));
        Assert.Equal((London(2026, 12, 29, 9), false), (early.At, early.OnSending));
        Assert.Equal(London(2026, 12, 29, 9), RequestTimetable.SendTimer("RR-OLD-2026-0001", early).FireAt);
        var late = RequestSendMoment.For(oldham, new DateOnly(2026, 12, 29), Starts, London(2026, 12, 29, 14));
        Assert.Equal((London(2026, 12, 29, 14), true), (late.At, late.OnSending));
    }

    [Fact]
    public void West_Midlands_requests_go_out_as_soon_as_they_are_sent_even_before_the_send_day()
    {
        var westMidlands = Playbook("west-midlands").InformationRequests;

        var moment = RequestSendMoment.For(westMidlands, new DateOnly(2026, 12, 29), Starts, London(2026, 12, 24, 11));

        Assert.Equal((London(2026, 12, 24, 11), true), (moment.At, moment.OnSending));
        Assert.Equal(new DateOnly(2026, 12, 24), moment.Date);
    }

    [Theory]
    [InlineData("oldham", RequestsGoOut.SendDay)]
    [InlineData("tameside", RequestsGoOut.SendDay)]
    [InlineData("salford", RequestsGoOut.SendDay)]
    [InlineData("west-midlands", RequestsGoOut.AtOnce)]
    [InlineData("gloucestershire", RequestsGoOut.SendDay)]
    public void Each_playbook_says_when_its_requests_go_out_citing_its_own_seed(string partnership, RequestsGoOut expected)
    {
        var sending = Playbook(partnership).InformationRequests.Sending!;

        Assert.Equal(expected, sending.When);
        Assert.StartsWith("seed-00", sending.Source, StringComparison.Ordinal);
        Assert.Contains("[L", sending.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void British_summer_time_moves_the_instant_not_the_wall_clock()
    {
        var timers = RequestTimetable.AfterSending(WorkingDayCalendar.Default, "RR-OLD-2027-0009", new DateOnly(2027, 6, 14), Starts, Ends, London(2027, 6, 1, 9));

        Assert.Equal(new DateTimeOffset(2027, 6, 11, 8, 0, 0, TimeSpan.Zero), timers[0].FireAt.ToUniversalTime());
    }
}
