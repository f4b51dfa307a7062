using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Tests.Process.Cases;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Meetings;

/// <summary>Recording the meeting's outcome: who may, when, and a "yes" putting the review's deadlines in force.</summary>
public sealed class MeetingOutcomeRulesTests
{
    private static readonly Actor Chair = new("00000000-0000-0000-0000-0000000000c1", "Chris Chair", Roles.Chair, null);

    private static CaseHarness MeetingHeldYesterday(string partnership)
    {
        var harness = new CaseHarness(partnership, London(2027, 2, 1, 9));
        harness.Do((r, s, now) => r.PutToPanel(s, CaseHarness.BusinessManager, now));
        foreach (var seat in Playbook(partnership).Seats.Where(s => s.Votes))
        {
            if (harness.State.Stage == CaseStage.AwaitingDecision)
            {
                harness.Do((r, s, now) => r.CastVote(s, seat.Key, "rapid-review", "Serious harm and suspected neglect.", CaseHarness.Member(seat.Partner), false, now));
            }
        }

        harness.Do((r, s, now) => r.ScheduleMeeting(s, London(2027, 2, 15, 10), CaseHarness.BusinessManager, now));
        harness.Now = London(2027, 2, 16, 9);
        return harness;
    }

    [Theory]
    [InlineData("oldham")]
    [InlineData("tameside")]
    [InlineData("salford")]
    [InlineData("west-midlands")]
    public void A_yes_puts_the_review_deadlines_in_force_and_chases_those_nothing_but_a_person_marks_done_only_once_it_can(string partnership)
    {
        var harness = MeetingHeldYesterday(partnership);
        // The review's deadlines; one a Case Factor puts in force (Oldham's Brief Learning Review) is not the review's.
        var conditional = Playbook(partnership).Deadlines.Where(d => d.Condition is not null && d.CaseFactor is null).Select(d => d.Key).ToList();
        Assert.NotEmpty(conditional);
        Assert.All(Schedule.Deadlines(Playbook(partnership), harness.State, harness.Now).Where(d => conditional.Contains(d.Entry.Key)), d => Assert.Equal(DeadlineStatus.Conditional, d.Status));
        Assert.DoesNotContain(Schedule.Open(Playbook(partnership), harness.State), e => conditional.Contains(e.Key));

        harness.Do((r, s, now) => r.RecordMeetingOutcome(s, "Information sharing between school nursing and GP.", ReviewRecommendations.Yes, "A. Reviewer", Chair, now));

        // In force: due, or (a step planned on the meeting day, such as the partners' decision to initiate) overdue.
        Assert.All(Schedule.Deadlines(Playbook(partnership), harness.State, harness.Now).Where(d => conditional.Contains(d.Entry.Key)), d => Assert.NotEqual(DeadlineStatus.Conditional, d.Status));
        // Steps a person marks done are shown, not chased, until something can mark them done.
        var chased = Playbook(partnership).Deadlines.Where(d => d.Condition is not null && d.CaseFactor is null && d.CompletedBy != Milestones.Step).Select(d => d.Key);
        Assert.Equal(chased.Order(), Schedule.Open(Playbook(partnership), harness.State).Where(e => e.IsConditional).Select(e => e.Key).Order());
        var lcspr = Schedule.Timetable(Playbook(partnership), harness.State).Get("lcspr");
        // Six months from the decision to initiate (Salford: from the National Panel and the Local Area
        // agreeing), each planned no earlier than the meeting of Monday 15 February 2027.
        Assert.InRange(lcspr.DueDate, new DateOnly(2027, 8, 13), new DateOnly(2027, 8, 31));
        Assert.Equal(DeadlineStatus.Due, Schedule.Deadlines(Playbook(partnership), harness.State, harness.Now).Single(d => d.Entry.Key == "lcspr").Status);
    }

    [Theory]
    [InlineData(ReviewRecommendations.No)]
    [InlineData(ReviewRecommendations.NeedsMoreInformation)]
    public void Anything_but_yes_leaves_the_review_deadlines_conditional(string recommended)
    {
        var harness = MeetingHeldYesterday("oldham");

        harness.Do((r, s, now) => r.RecordMeetingOutcome(s, "Learning is single-agency.", recommended, null, CaseHarness.BusinessManager, now));

        Assert.Equal(recommended, harness.State.ReviewRecommended);
        Assert.Equal(DeadlineStatus.Conditional, Schedule.Deadlines(Playbook("oldham"), harness.State, harness.Now).Single(d => d.Entry.Key == "lcspr").Status);
    }

    [Fact]
    public void The_outcome_is_recorded_once_after_the_meeting_by_the_chair_or_a_business_manager_with_the_learning()
    {
        var harness = MeetingHeldYesterday("oldham");
        var before = harness.Now;

        harness.Now = London(2027, 2, 15, 9);
        var early = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordMeetingOutcome(s, "x", ReviewRecommendations.Yes, null, Chair, now)));
        harness.Now = before;
        var member = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordMeetingOutcome(s, "x", ReviewRecommendations.Yes, null, CaseHarness.Member("police"), now)));
        var noLearning = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordMeetingOutcome(s, "  ", ReviewRecommendations.Yes, null, Chair, now)));
        var unknown = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordMeetingOutcome(s, "x", "maybe", null, Chair, now)));
        harness.Do((r, s, now) => r.RecordMeetingOutcome(s, "Learning.", ReviewRecommendations.No, null, Chair, now));
        var twice = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordMeetingOutcome(s, "Learning.", ReviewRecommendations.Yes, null, Chair, now)));

        Assert.Equal("The outcome is recorded after the meeting, and case RR-OLD-2027-0001 has its meeting on Monday 15 February 2027, 10 am.", early.Message);
        Assert.Equal("Only the chair or a business manager can record the meeting's outcome.", member.Message);
        Assert.Equal("Please record the learning identified; it is kept in the case's record.", noLearning.Message);
        Assert.StartsWith("Say whether a Local Child Safeguarding Practice Review is recommended", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("The meeting's outcome for case RR-OLD-2027-0001 is already recorded.", twice.Message);
        Assert.Single(harness.Events, e => e.Type == CaseEventTypes.MeetingOutcomeRecorded);
        Assert.Equal(ReviewRecommendations.No, harness.State.ReviewRecommended);
    }
}
