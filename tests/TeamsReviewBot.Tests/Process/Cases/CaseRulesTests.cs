using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;
using static TeamsReviewBot.Tests.Process.Cases.CaseHarness;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Cases;

public sealed class CaseRulesTests
{
    private static readonly DateTimeOffset Received = London(2027, 1, 11, 10);

    private static CaseHarness AwaitingDecision(string partnership)
    {
        var harness = new CaseHarness(partnership, Received);
        harness.Do((r, s, now) => r.PutToPanel(s, BusinessManager, now));
        return harness;
    }

    private static CaseHarness GoingToRapidReview(string partnership = "oldham")
    {
        var harness = AwaitingDecision(partnership);
        foreach (var seat in Playbook(partnership).Seats.Where(s => s.Votes))
        {
            if (harness.State.Stage == CaseStage.AwaitingDecision)
            {
                harness.Do((r, s, now) => r.CastVote(s, seat.Key, "rapid-review", "Serious harm and suspected neglect.", Member(seat.Partner), false, now));
            }
        }

        Assert.Equal(CaseStage.RapidReview, harness.State.Stage);
        return harness;
    }

    [Fact]
    public void A_new_case_is_referred_with_Day_0_from_its_playbook()
    {
        var harness = new CaseHarness("oldham", London(2027, 1, 15, 17, 30));

        Assert.Equal(CaseStage.Referred, harness.State.Stage);
        Assert.Equal(new DateOnly(2027, 1, 18), harness.State.DayZero);
    }

    [Fact]
    public void A_serious_incident_notification_in_Gloucestershire_goes_straight_to_Rapid_Review()
    {
        var harness = new CaseHarness("gloucestershire", Received, CaseRules.SeriousIncidentNotification);

        Assert.Equal(CaseStage.RapidReview, harness.State.Stage);
        Assert.Equal([CaseEventTypes.CaseOpened, CaseEventTypes.DecisionRecorded], harness.Types);
    }

    [Fact]
    public void A_deputy_votes_for_their_partner_and_the_seat_counts_once()
    {
        var harness = AwaitingDecision("oldham");

        harness.Do((r, s, now) => r.CastVote(s, "police", "rapid-review", "Injuries consistent with abuse.", Deputy("police"), true, now));
        harness.Do((r, s, now) => r.CastVote(s, "la", "rapid-review", "Agree.", Member("local-authority"), false, now));
        Assert.Equal(CaseStage.AwaitingDecision, harness.State.Stage);
        harness.Do((r, s, now) => r.CastVote(s, "health", "rapid-review", "Agree.", Member("health"), false, now));

        Assert.Equal(CaseStage.RapidReview, harness.State.Stage);
        Assert.Equal(3, harness.State.Votes.Count);
        Assert.True(harness.State.Votes["police"].ByDeputy);
    }

    [Fact]
    public void A_deputy_cannot_vote_again_for_a_seat_whose_lead_has_voted()
    {
        var harness = AwaitingDecision("oldham");
        harness.Do((r, s, now) => r.CastVote(s, "police", "rapid-review", "Agree.", Member("police"), false, now));

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.CastVote(s, "police", "no-further-action", "Disagree.", Deputy("police"), true, now)));

        Assert.Equal("The Superintendent/Detective Chief Inspector – GMP has already voted through its lead; a deputy cannot vote again for the same seat.", refused.Message);
    }

    [Fact]
    public void A_deputy_may_not_vote_where_the_playbook_gives_deputies_no_vote()
    {
        var harness = AwaitingDecision("tameside");

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.CastVote(s, "police", "rapid-review", "Agree.", Deputy("police"), true, now)));

        Assert.Equal("The Tameside Safeguarding Children Partnership rules do not let a deputy vote for the Police (GMP); the seat's lead must vote.", refused.Message);
    }

    [Fact]
    public void A_vote_without_a_rationale_is_refused_and_changes_nothing()
    {
        var harness = AwaitingDecision("oldham");
        var before = harness.Events.Count;

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.CastVote(s, "la", "no-further-action", " ", Member("local-authority"), false, now)));

        Assert.StartsWith("Please give the rationale for 'No further action'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, harness.Events.Count);
    }

    [Fact]
    public void A_split_vote_still_split_when_the_window_passes_escalates_and_a_business_manager_resolves_it()
    {
        var harness = AwaitingDecision("oldham");
        harness.Do((r, s, now) => r.CastVote(s, "la", "rapid-review", "Neglect known.", Member("local-authority"), false, now));
        harness.Do((r, s, now) => r.CastVote(s, "police", "no-further-action", "Single agency issue.", Member("police"), false, now));
        Assert.Equal(CaseStage.AwaitingDecision, harness.State.Stage);

        harness.Now = London(2027, 1, 12, 17, 1);
        harness.Do((r, s, now) => r.DecisionWindowPassed(s, now));
        Assert.Equal(CaseStage.Escalated, harness.State.Stage);

        Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.ResolveEscalation(s, "rapid-review", "Mediated.", Member("police"), now)));
        harness.Do((r, s, now) => r.ResolveEscalation(s, "rapid-review", "Partners met on Day 2 and agreed.", BusinessManager, now));

        Assert.Equal(CaseStage.RapidReview, harness.State.Stage);
    }

    [Fact]
    public void When_the_decision_window_passes_with_too_few_votes_the_case_escalates()
    {
        var harness = AwaitingDecision("oldham");
        harness.Do((r, s, now) => r.CastVote(s, "la", "rapid-review", "Neglect known.", Member("local-authority"), false, now));

        harness.Now = London(2027, 1, 12, 17, 1);
        harness.Do((r, s, now) => r.DecisionWindowPassed(s, now));

        Assert.Equal(CaseStage.Escalated, harness.State.Stage);
    }

    [Fact]
    public void Salford_business_manager_decides_an_obvious_rapid_review_alone_but_not_no_further_action()
    {
        var harness = new CaseHarness("salford", Received);

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.BusinessManagerDecides(s, "no-further-action", "Below threshold.", BusinessManager, now)));
        Assert.Contains("the panel must decide", refused.Message, StringComparison.Ordinal);

        harness.Do((r, s, now) => r.BusinessManagerDecides(s, "rapid-review", "Child died; neglect known to three agencies.", BusinessManager, now));
        Assert.Equal(CaseStage.RapidReview, harness.State.Stage);
    }

    [Fact]
    public void An_incomplete_referral_is_resubmitted_and_goes_back_to_the_panel_with_fresh_votes()
    {
        var harness = AwaitingDecision("salford");
        harness.Do((r, s, now) => r.CastVote(s, "independent-adviser", "incomplete-referral", "No incident outline.", Member("independent"), false, now));
        harness.Do((r, s, now) => r.CastVote(s, "prsg-chair", "incomplete-referral", "Agree.", Member("practice-review-group"), false, now));
        Assert.Equal(CaseStage.IncompleteResubmissionDue, harness.State.Stage);
        var due = Schedule.Deadlines(Playbook("salford"), harness.State, harness.Now).Single(d => d.Entry.Key == "resubmission");
        Assert.Equal(DeadlineStatus.Due, due.Status);

        harness.Now = London(2027, 1, 14, 15);
        harness.Do((r, s, now) => r.Resubmit(s, BusinessManager, "Referrer added the incident outline.", now));

        Assert.Equal(CaseStage.AwaitingDecision, harness.State.Stage);
        Assert.Empty(harness.State.Votes);
        var decision = Schedule.Deadlines(Playbook("salford"), harness.State, harness.Now).Single(d => d.Entry.Key == "decision");
        Assert.Equal("Saturday 16 January 2027, 3 pm", BritishDates.DateAndTime(decision.Entry.DueAt));
        Assert.Equal(DeadlineStatus.Due, decision.Status);
    }

    [Fact]
    public void Information_cannot_be_requested_before_the_panel_decides()
    {
        var harness = AwaitingDecision("oldham");

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RequestInformation(s, ["GP"], BusinessManager, now)));

        Assert.Equal("Information is requested only on a case going to Rapid Review; case RR-OLD-2027-0001 is awaiting the panel's decision.", refused.Message);
    }

    [Fact]
    public void A_meeting_without_the_police_is_not_quorate()
    {
        var harness = GoingToRapidReview();
        harness.Do((r, s, now) => r.RequestInformation(s, ["GP", "Primary school"], BusinessManager, now));
        harness.Do((r, s, now) => r.ScheduleMeeting(s, London(2027, 1, 25, 10), BusinessManager, now));

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.HoldMeeting(s, ["local-authority", "health"], BusinessManager, now)));

        Assert.Equal("The meeting is not quorate: it needs at least one representative each of the local authority, the police and health, and the police is missing.", refused.Message);
    }

    [Fact]
    public void The_report_cannot_be_submitted_before_sign_off()
    {
        var harness = GoingToRapidReview();
        harness.Do((r, s, now) => r.RequestInformation(s, ["GP"], BusinessManager, now));
        harness.Do((r, s, now) => r.ScheduleMeeting(s, London(2027, 1, 25, 10), BusinessManager, now));
        harness.Do((r, s, now) => r.HoldMeeting(s, ["local-authority", "police", "health"], BusinessManager, now));
        harness.Do((r, s, now) => r.DraftReport(s, BusinessManager, now));

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.Submit(s, BusinessManager, now)));

        Assert.Equal("The report for case RR-OLD-2027-0001 cannot go to the National Panel before it is signed off.", refused.Message);
    }

    [Fact]
    public void Two_refusals_at_sign_off_are_recorded_as_a_dispute()
    {
        var harness = GoingToRapidReview();
        harness.Do((r, s, now) => r.RequestInformation(s, ["GP"], BusinessManager, now));
        harness.Do((r, s, now) => r.ScheduleMeeting(s, London(2027, 1, 25, 10), BusinessManager, now));
        harness.Do((r, s, now) => r.HoldMeeting(s, ["local-authority", "police", "health"], BusinessManager, now));
        harness.Do((r, s, now) => r.DraftReport(s, BusinessManager, now));

        harness.Do((r, s, now) => r.RecordSignOff(s, "la", false, false, Member("local-authority"), "Recommendation not supported.", now));
        harness.Do((r, s, now) => r.RecordSignOff(s, "police", false, false, Member("police"), "Recommendation not supported.", now));

        Assert.Equal(CaseEventTypes.SignOffDisputed, harness.Types[^1]);
        Assert.True(harness.State.SignOffDisputed);
        Assert.Null(harness.State.SignedOffAt);
    }

    [Fact]
    public void Only_a_business_manager_can_move_a_deadline_and_only_with_a_reason()
    {
        var harness = GoingToRapidReview();

        Assert.Equal("Only a business manager can move a deadline.", Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.MoveDeadline(s, "returns", London(2027, 1, 22, 17), Member("police"), "Late", now))).Message);
        Assert.StartsWith("Please give a reason", Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.MoveDeadline(s, "returns", London(2027, 1, 22, 17), BusinessManager, "", now))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moved_deadline_keeps_the_original_date_through_a_second_move()
    {
        var harness = GoingToRapidReview();
        var original = Schedule.Timetable(Playbook("oldham"), harness.State).Get("returns").DueAt;

        harness.Do((r, s, now) => r.MoveDeadline(s, "returns", London(2027, 1, 22, 17), BusinessManager, "Police disclosure delayed.", now));
        harness.Do((r, s, now) => r.MoveDeadline(s, "returns", London(2027, 1, 25, 12), BusinessManager, "Disclosure delayed again.", now));

        var move = harness.State.Moves["returns"];
        Assert.Equal(original, move.OriginalDueAt);
        Assert.Equal(London(2027, 1, 25, 12), move.DueAt);
        var entry = Schedule.Timetable(Playbook("oldham"), harness.State).Get("returns");
        Assert.Equal(original, entry.OriginalDueAt);
        Assert.Equal("Monday 25 January 2027, 12 noon", BritishDates.DateAndTime(entry.DueAt));
        var trail = AuditTrail.Render(Playbook("oldham"), harness.Events);
        Assert.Contains(trail, line => line.EndsWith("Bea Manager (business manager, partnership business unit) moved 'Agency summaries returned' from Friday 22 January 2027, 5 pm to Monday 25 January 2027, 12 noon (originally Wednesday 20 January 2027, 5 pm): Disclosure delayed again.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_states_timetable_is_computed_once_and_follows_each_change_of_the_case()
    {
        var harness = GoingToRapidReview();
        var before = harness.State;
        var first = Schedule.Timetable(Playbook("oldham"), before);

        // Asked again for the same state (the rule, the card, the follow-up): the same timetable, not a recount.
        Assert.Same(first, Schedule.Timetable(Playbook("oldham"), before));
        Assert.Equal("oldham", Schedule.Timetable(Playbook("oldham"), before).Playbook.Key);

        harness.Do((r, s, now) => r.MoveDeadline(s, "returns", London(2027, 1, 22, 17), BusinessManager, "Police disclosure delayed.", now));

        var after = Schedule.Timetable(Playbook("oldham"), harness.State);
        Assert.NotSame(first, after);
        Assert.Equal(London(2027, 1, 22, 17), after.Get("returns").DueAt);
        Assert.Equal(first.Get("returns").DueAt, Schedule.Timetable(Playbook("oldham"), before).Get("returns").DueAt);
    }

    [Fact]
    public void A_case_in_progress_cannot_be_closed()
    {
        var harness = GoingToRapidReview();

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.Close(s, BusinessManager, "Done.", now)));

        Assert.Equal("Case RR-OLD-2027-0001 is going to Rapid Review; a case closes after no further action, another learning route, or its afterwards steps.", refused.Message);
    }

    [Fact]
    public void No_further_action_closes_with_a_reason()
    {
        var harness = AwaitingDecision("gloucestershire");
        foreach (var seat in new[] { "health", "la", "police" })
        {
            harness.Do((r, s, now) => r.CastVote(s, seat, "no-further-action", "Accidental injury; no abuse or neglect suspected.", Member(seat), false, now));
        }

        Assert.Equal(CaseStage.NoFurtherAction, harness.State.Stage);
        harness.Do((r, s, now) => r.Close(s, BusinessManager, "Rationale sent to the referrer.", now));

        Assert.Equal(CaseStage.Closed, harness.State.Stage);
        Assert.Empty(Schedule.Open(Playbook("gloucestershire"), harness.State));
    }

    [Fact]
    public void A_missed_returns_deadline_marks_the_returns_overdue_until_they_are_complete()
    {
        var harness = GoingToRapidReview();
        harness.Do((r, s, now) => r.RequestInformation(s, ["GP"], BusinessManager, now));
        harness.Do((_, _, now) => [new NewEvent(CaseEventTypes.DeadlineMissed, CaseJson.Write(new DeadlineMissed("t1", "returns", Milestones.ReturnsComplete, now, Actor.System, "passed")), now)]);
        Assert.Equal(CaseStage.ReturnsOverdue, harness.State.Stage);

        harness.Do((r, s, now) => r.ScheduleMeeting(s, London(2027, 1, 25, 10), BusinessManager, now));
        Assert.Equal(CaseStage.MeetingScheduled, harness.State.Stage);
    }

    [Theory]
    [InlineData("oldham", "papers")]
    [InlineData("oldham", "lesson-log")]
    [InlineData("oldham", "moderation")]
    [InlineData("tameside", "papers")]
    [InlineData("salford", "papers")]
    public void A_step_nothing_can_mark_done_is_shown_but_not_chased(string partnership, string step)
    {
        var harness = GoingToRapidReview(partnership);

        Assert.DoesNotContain(Schedule.Open(Playbook(partnership), harness.State), e => e.Key == step);
        var shown = Schedule.Deadlines(Playbook(partnership), harness.State, harness.Now).Single(d => d.Entry.Key == step);
        Assert.Equal(DeadlineStatus.Due, shown.Status);
        Assert.Contains(Schedule.Open(Playbook(partnership), harness.State), e => e.Key == "information-requests");
    }
}
