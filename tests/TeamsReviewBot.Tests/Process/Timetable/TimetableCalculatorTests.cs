using System.Collections.Immutable;
using System.Globalization;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Process.Playbooks;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Timetable;

public sealed class TimetableCalculatorTests
{
    public static TheoryData<string, string, string, int, string> Rows => PublishedTimetables.Rows;

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_deadline_falls_on_its_working_day_date_and_time(string partnership, string receivedAt, string deadline, int day, string due)
    {
        var timetable = Calculator.Compute(Playbook(partnership), DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture));

        var entry = timetable.Get(deadline);
        Assert.Equal(due, BritishDates.DateAndTime(entry.DueAt));
        Assert.Equal(day, entry.DayNumber);
    }

    [Fact]
    public void The_table_covers_every_unconditional_deadline_of_every_playbook()
    {
        var covered = PublishedTimetables.Rows.Select(r => ((string)r[0], (string)r[2])).ToHashSet();
        foreach (var playbook in Catalogue.All)
        {
            Assert.All(playbook.Deadlines.Where(d => d.Condition is null), d => Assert.Contains((playbook.Key, d.Key), covered));
        }
    }

    [Fact]
    public void Oldham_referral_on_21_December_2026_goes_to_the_National_Panel_by_4_pm_on_Thursday_14_January_2027()
    {
        var timetable = Calculator.Compute(Playbook("oldham"), London(2026, 12, 21, 10));

        Assert.Equal(new DateOnly(2026, 12, 21), timetable.DayZero);
        Assert.Equal("Thursday 14 January 2027, 4 pm", BritishDates.DateAndTime(timetable.Get("submission").DueAt));
        Assert.True(timetable.Get("submission").HasTimeOfDay);
        Assert.False(timetable.Get("returns").HasTimeOfDay);
    }

    [Fact]
    public void Oldham_Review_Panel_signs_off_on_Day_12_to_13_before_the_statutory_partners()
    {
        // seed-000 §8.2 step 4 (SAS-AppB/AppC): "Day 12-13: Review Panel sign-off off Draft Rapid Review
        // Report and sent to statutory partners for final sign off." Day 13-14: the partners, by 4pm.
        var timetable = Calculator.Compute(Playbook("oldham"), London(2026, 12, 21, 10));
        var panel = timetable.Get("review-panel-sign-off");

        Assert.Equal(new DateOnly(2027, 1, 11), panel.EarliestDate);
        Assert.Equal("Tuesday 12 January 2027, 5 pm", BritishDates.DateAndTime(panel.DueAt));
        Assert.True(panel.DueAt < timetable.Get("sign-off").DueAt);
        Assert.Equal(Milestones.Step, panel.Rule.CompletedBy);
    }

    [Fact]
    public void A_window_deadline_keeps_its_first_day()
    {
        var meeting = Calculator.Compute(Playbook("oldham"), London(2026, 12, 21, 10)).Get("meeting");

        Assert.Equal(new DateOnly(2027, 1, 7), meeting.EarliestDate);
        Assert.Equal(new DateOnly(2027, 1, 8), meeting.DueDate);
    }

    [Fact]
    public void A_deadline_in_hours_runs_on_the_clock_through_a_weekend()
    {
        // Tameside: 48 hours from a Friday 2 pm referral is Sunday 2 pm.
        var decision = Calculator.Compute(Playbook("tameside"), London(2027, 1, 15, 14)).Get("decision");

        Assert.Equal("Sunday 17 January 2027, 2 pm", BritishDates.DateAndTime(decision.DueAt));
    }

    [Fact]
    public void The_actual_meeting_date_moves_the_steps_anchored_on_it()
    {
        var playbook = Playbook("oldham");
        var meetingHeld = London(2027, 1, 6, 10);
        var facts = new TimetableFacts(ImmutableDictionary<string, DateTimeOffset>.Empty.Add("meeting", meetingHeld), ImmutableDictionary<string, DateTimeOffset>.Empty);

        var timetable = Calculator.Compute(playbook, London(2026, 12, 21, 10), facts);

        Assert.Equal("Wednesday 20 January 2027, 5 pm", BritishDates.DateAndTime(timetable.Get("lesson-log").DueAt));
        Assert.Equal("Tuesday 5 January 2027, 5 pm", BritishDates.DateAndTime(timetable.Get("papers").DueAt));
    }

    [Fact]
    public void A_moved_deadline_keeps_its_original_and_moves_what_hangs_on_it()
    {
        var playbook = Playbook("salford");
        var received = London(2027, 1, 11, 10);
        var plan = Calculator.Compute(playbook, received);
        var newMeeting = London(2027, 1, 22, 14);
        var facts = new TimetableFacts(ImmutableDictionary<string, DateTimeOffset>.Empty, ImmutableDictionary<string, DateTimeOffset>.Empty.Add("meeting", newMeeting));

        var moved = Calculator.Compute(playbook, received, facts);

        Assert.Equal(newMeeting, moved.Get("meeting").DueAt);
        Assert.Equal(plan.Get("meeting").DueAt, moved.Get("meeting").OriginalDueAt);
        Assert.Equal("Thursday 21 January 2027, 2 pm", BritishDates.DateAndTime(moved.Get("papers").DueAt));
        Assert.Equal("Tuesday 26 January 2027, 5 pm", BritishDates.DateAndTime(moved.Get("submission").DueAt));
    }

    [Fact]
    public void Salford_submission_two_working_days_after_a_late_meeting_is_capped_at_Day_15()
    {
        var playbook = Playbook("salford");
        var received = London(2027, 1, 11, 10);
        var lateMeeting = London(2027, 1, 29, 10);
        var facts = new TimetableFacts(ImmutableDictionary<string, DateTimeOffset>.Empty.Add("meeting", lateMeeting), ImmutableDictionary<string, DateTimeOffset>.Empty);

        var submission = Calculator.Compute(playbook, received, facts).Get("submission");

        // Day 15 from Monday 11 January is Monday 1 February; a meeting on Friday 29 January plus 2 working days would be Tuesday 2 February.
        Assert.Equal("Monday 1 February 2027, 5 pm", BritishDates.DateAndTime(submission.DueAt));
    }

    [Fact]
    public void Gloucestershire_counts_the_notification_day_as_working_day_1()
    {
        // seed-004 L125–L126: working days "From Notification", the notification itself in the row "1-to 2".
        var timetable = Calculator.Compute(Playbook("gloucestershire"), London(2027, 1, 18, 10));

        var decision = timetable.Get("decision");
        Assert.Equal(new DateOnly(2027, 1, 18), decision.EarliestDate);
        Assert.Equal(new DateOnly(2027, 1, 19), decision.DueDate);
        Assert.Equal(2, decision.DayNumber);
        var submission = timetable.Get("submission");
        Assert.Equal(new DateOnly(2027, 2, 4), submission.EarliestDate);
        Assert.Equal(new DateOnly(2027, 2, 5), submission.DueDate);
        Assert.Equal(15, submission.DayNumber);
    }

    [Fact]
    public void A_Gloucestershire_notification_after_the_cut_off_makes_the_next_working_day_working_day_1()
    {
        // Friday 15 January 2027, 4.30 pm: after the 4 pm cut-off, so working day 1 is Monday 18 January.
        var late = Calculator.Compute(Playbook("gloucestershire"), London(2027, 1, 15, 16, 30));
        var onMonday = Calculator.Compute(Playbook("gloucestershire"), London(2027, 1, 18, 10));

        Assert.Equal(new DateOnly(2027, 1, 18), late.Get("decision").EarliestDate);
        Assert.Equal(onMonday.Entries.Select(e => e.DueAt), late.Entries.Select(e => e.DueAt));
    }

    [Fact]
    public void Playbooks_that_count_from_the_day_after_keep_Day_N_as_N_working_days_after_Day_0()
    {
        foreach (var playbook in Catalogue.All.Where(p => p.Clock.WorkingDayOne == WorkingDayOne.DayAfter))
        {
            var timetable = Calculator.Compute(playbook, London(2027, 1, 18, 10));
            foreach (var rule in playbook.Deadlines.Where(d => d.Anchor == "day0" && d.Due.WorkingDays is not null && d.NotLaterThan is null))
            {
                Assert.Equal(Calculator.Calendar.AddWorkingDays(timetable.DayZero, rule.Due.WorkingDays!.Value), timetable.Get(rule.Key).DueDate);
                Assert.Equal(rule.Due.WorkingDays, timetable.Get(rule.Key).DayNumber);
            }
        }

        Assert.Equal(["gloucestershire"], Catalogue.All.Where(p => p.Clock.WorkingDayOne == WorkingDayOne.NotificationDay).Select(p => p.Key));
    }

    [Fact]
    public void Deadlines_are_listed_in_the_order_they_fall_due()
    {
        var timetable = Calculator.Compute(Playbook("gloucestershire"), London(2027, 3, 25, 10));

        Assert.Equal(timetable.Entries.OrderBy(e => e.DueAt).Select(e => e.Key), timetable.Entries.Select(e => e.Key));
        Assert.Equal(["decision", "information-requests", "returns", "chronology", "papers", "meeting", "report", "sign-off", "submission", "panel-expected-response"], timetable.For(null).Select(e => e.Key));
    }
}
