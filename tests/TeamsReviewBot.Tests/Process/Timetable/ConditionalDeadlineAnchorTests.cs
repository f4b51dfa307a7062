using System.Collections.Immutable;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Timetable;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Timetable;

/// <summary>
/// The deadlines that apply only if a fuller review is decided count from what each seed says: the
/// decision to initiate, or the National Panel and Local Area agreeing, not the meeting. Until that
/// is recorded they are planned from the earliest day it can happen; once recorded they follow it.
/// A Rapid Review received Monday 11 January 2027; meeting held Tuesday 26 January; report submitted
/// Monday 1 February; the later decision recorded Wednesday 10 March.
/// </summary>
public sealed class ConditionalDeadlineAnchorTests
{
    private static readonly DateTimeOffset Received = London(2027, 1, 11, 10);
    private static readonly DateTimeOffset MeetingHeld = London(2027, 1, 26, 10);
    private static readonly DateTimeOffset Submitted = London(2027, 2, 1, 11);
    private static readonly DateTimeOffset DecidedLater = London(2027, 3, 10, 12);

    public static TheoryData<string, string, string, string, string> Rows => new()
    {
        { "seed-000 §9.2 'no later than 6 months after the decision to initiate a review is made'", "oldham", "lcspr", "Monday 26 July 2027, 5 pm", "Friday 10 September 2027, 5 pm" },
        { "seed-001 §5 'no later than 6 months after the decision to initiate a review is made'", "tameside", "lcspr", "Monday 26 July 2027, 5 pm", "Friday 10 September 2027, 5 pm" },
        { "seed-003 [L130] 'no later than six months from the date of the decision to initiate a review'", "west-midlands", "lcspr", "Monday 26 July 2027, 5 pm", "Friday 10 September 2027, 5 pm" },
        { "seed-002 L166 'initiated once the National Panel and Local Area agree'; 'within six months'", "salford", "lcspr", "Monday 2 August 2027, 5 pm", "Friday 10 September 2027, 5 pm" },
        { "seed-002 L380 'within 10 working days of decision to commence a fuller review'", "salford", "lead-reviewer", "Monday 15 February 2027, 5 pm", "Wednesday 24 March 2027, 5 pm" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Counts_from_the_decision_the_seed_names(string seedLine, string partnership, string deadline, string plannedDue, string dueAfterDecision)
    {
        var playbook = Playbook(partnership);
        var initiatedBy = playbook.FindDeadline(deadline)!.Anchor;
        Assert.NotEqual("meeting", initiatedBy);
        var happened = ImmutableDictionary<string, DateTimeOffset>.Empty.Add("meeting", MeetingHeld);
        if (playbook.FindDeadline("submission") is not null)
        {
            happened = happened.Add("submission", Submitted);
        }

        var planned = Calculator.Compute(playbook, Received, new TimetableFacts(happened, ImmutableDictionary<string, DateTimeOffset>.Empty));
        var decided = Calculator.Compute(playbook, Received, new TimetableFacts(happened.Add(initiatedBy, DecidedLater), ImmutableDictionary<string, DateTimeOffset>.Empty));

        Assert.True(plannedDue == BritishDates.DateAndTime(planned.Get(deadline).DueAt), $"{seedLine}: planned {BritishDates.DateAndTime(planned.Get(deadline).DueAt)}");
        Assert.True(dueAfterDecision == BritishDates.DateAndTime(decided.Get(deadline).DueAt), $"{seedLine}: after the decision {BritishDates.DateAndTime(decided.Get(deadline).DueAt)}");
        Assert.True(planned.Get(initiatedBy).IsConditional && planned.Get(deadline).IsConditional, $"{seedLine}: shown, not chased");
    }

    [Fact]
    public void West_Midlands_full_report_is_due_seven_working_days_before_the_LCSPRs_date_and_follows_it()
    {
        // seed-003 §10.5.1 [L640]: the full report goes to the National Panel, Ofsted and the Secretary of
        // State "no later than seven working days before the date of publication"; no publication date is
        // set, so the LCSPR's own date [L130] stands for it. It is the review's, so conditional until decided.
        var playbook = Playbook("west-midlands");
        var happened = ImmutableDictionary<string, DateTimeOffset>.Empty.Add("meeting", MeetingHeld).Add("submission", Submitted);

        var planned = Calculator.Compute(playbook, Received, new TimetableFacts(happened, ImmutableDictionary<string, DateTimeOffset>.Empty));
        var decided = Calculator.Compute(playbook, Received, new TimetableFacts(happened.Add("lcspr-initiated", DecidedLater), ImmutableDictionary<string, DateTimeOffset>.Empty));

        Assert.True(planned.Get("final-report").IsConditional);
        Assert.Equal("Friday 10 September 2027, 5 pm", BritishDates.DateAndTime(decided.Get("lcspr").DueAt));
        Assert.Equal("Wednesday 1 September 2027, 5 pm", BritishDates.DateAndTime(decided.Get("final-report").DueAt));
        Assert.Equal("final-report", playbook.Afterwards.Single(a => a.Key == "final-report").Deadline);
    }

    [Fact]
    public void Oldham_Brief_Learning_Review_after_a_childs_suicide_is_shown_four_weeks_from_the_threshold_decision()
    {
        // seed-000 §10 BLR: "Whenever possible the timescale from Referral to the BLR meeting will be no more than 4 weeks".
        var decidedAt = London(2027, 1, 12, 15);
        var timetable = Calculator.Compute(Playbook("oldham"), Received, new TimetableFacts(ImmutableDictionary<string, DateTimeOffset>.Empty.Add("decision", decidedAt), ImmutableDictionary<string, DateTimeOffset>.Empty));

        var review = timetable.Get("brief-learning-review");
        Assert.Equal("Tuesday 9 February 2027, 5 pm", BritishDates.DateAndTime(review.DueAt));
        Assert.True(review.IsConditional);
        Assert.Null(review.Rule.AppliesWhen);
        Assert.Contains("complaints", Playbook("oldham").Afterwards.Select(a => a.Key));
    }
}
