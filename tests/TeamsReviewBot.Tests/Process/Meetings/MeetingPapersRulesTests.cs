using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Meetings;

/// <summary>When each playbook's papers go (its "papers" deadline, anchored on the meeting, with the seed's
/// line), and whether papers are owed: once per booked meeting, again "updated" for later returns,
/// never for a cancelled or finished meeting.</summary>
public sealed class MeetingPapersRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    // Tuesday 15 December 2026, 10:00 in London (GMT).
    private static readonly DateTimeOffset Meeting = new(2026, 12, 15, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("oldham", "2026-12-14T09:00:00+00:00")] // seed-000 §5: "at least one day prior to the Rapid Review Panel meeting"
    [InlineData("tameside", "2026-12-14T09:00:00+00:00")] // seed-001 §5: "one day prior to the Practice Review Panel meeting"
    [InlineData("salford", "2026-12-14T09:00:00+00:00")] // seed-002 §7 (L338): "at least 24 hours in advance of the meeting": the start of that day, before 10:00
    [InlineData("west-midlands", "2026-12-14T09:00:00+00:00")] // seed-003 [L188–L194]: "in advance of the meeting" (choice: the working day before)
    [InlineData("gloucestershire", "2026-12-14T17:00:00+00:00")] // seed-004 [L129]: once the Chair's WD 6–7 chronology is due, before the WD 8 panel
    public void The_papers_go_the_working_day_before_and_at_least_24_hours_before(string partnership, string expected)
    {
        var playbook = Playbook(partnership);
        var state = Booked(partnership);

        var at = MeetingPapers.SendAt(playbook, Schedule.Timetable(playbook, state), state);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.True(TeamsReviewBot.Process.Calendar.WorkingDayCalendar.LondonDate(at!.Value) < TeamsReviewBot.Process.Calendar.WorkingDayCalendar.LondonDate(Meeting), "papers go on a day before the meeting's");
    }

    [Fact]
    public void Over_a_weekend_the_working_day_before_is_the_Friday()
    {
        var playbook = Playbook("oldham");
        // Monday 4 January 2027 (the bank holiday for New Year's Day is Friday 1 January).
        var state = Booked("oldham") with { MeetingAt = new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero) };

        var at = MeetingPapers.SendAt(playbook, Schedule.Timetable(playbook, state), state);

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void No_meeting_booked_means_no_papers_time()
    {
        var playbook = Playbook("oldham");
        var state = Booked("oldham") with { MeetingAt = null, MeetingEventId = null };

        Assert.Null(MeetingPapers.SendAt(playbook, Schedule.Timetable(playbook, state), state));
    }

    public static TheoryData<string, int, PapersDue> Owed => new()
    {
        { "booked, no papers yet", 0, PapersDue.First },
        { "booked, no papers yet, two returns", 2, PapersDue.First },
        { "papers sent with two returns, nothing new", 2, PapersDue.Nothing },
        { "papers sent with two returns, a third arrived", 3, PapersDue.Updated },
        { "papers sent for a meeting since cancelled and booked again", 2, PapersDue.First },
        { "cancelled", 2, PapersDue.Nothing },
        { "meeting begun", 3, PapersDue.Nothing },
        { "meeting held", 3, PapersDue.Nothing },
    };

    [Theory]
    [MemberData(nameof(Owed))]
    public void Papers_are_owed_once_per_meeting_and_again_only_for_later_returns(string situation, int returns, PapersDue expected)
    {
        var booked = Booked("oldham");
        var sent = booked with { MeetingPapersEventId = booked.MeetingEventId, MeetingPapersReturns = 2, MeetingPapersSentAt = Now };
        var state = situation switch
        {
            "papers sent with two returns, nothing new" or "papers sent with two returns, a third arrived" => sent,
            "papers sent for a meeting since cancelled and booked again" => sent with { MeetingEventId = "event-2", MeetingCancellations = 1 },
            "cancelled" => sent with { MeetingEventId = null, MeetingAt = null, MeetingCancellations = 1 },
            "meeting begun" => sent,
            "meeting held" => sent with { MeetingHeldAt = Meeting.AddHours(2) },
            _ => booked,
        };
        var now = situation == "meeting begun" ? Meeting.AddMinutes(5) : Now;

        Assert.Equal(expected, MeetingPapers.Due(state, returns, now));
    }

    [Fact]
    public void The_subject_names_the_case_and_the_meeting_day_only()
    {
        Assert.Equal("Papers – Rapid Review meeting – RR-OLD-2026-0007 – Tuesday 15 December 2026", MeetingPapers.Subject(Playbook("oldham"), "RR-OLD-2026-0007", Meeting, updated: false));
        Assert.StartsWith("Updated papers – ", MeetingPapers.Subject(Playbook("oldham"), "RR-OLD-2026-0007", Meeting, updated: true), StringComparison.Ordinal);
    }

    private static CaseState Booked(string partnership) => new()
    {
        StreamId = "RR-TEST-2026-0001",
        Exists = true,
        CaseCode = "RR-TEST-2026-0001",
        Partnership = partnership,
        ReferralKind = CaseRules.Referral,
        ReceivedAt = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
        DayZero = new DateOnly(2026, 11, 30),
        OutcomeKind = TeamsReviewBot.Process.Playbooks.OutcomeKind.RapidReview,
        Outcome = "rapid-review",
        DecidedAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        MeetingAt = Meeting,
        MeetingScheduledAt = Now,
        MeetingEventId = "event-1",
    };
}
