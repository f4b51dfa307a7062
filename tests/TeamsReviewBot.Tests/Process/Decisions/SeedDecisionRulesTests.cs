using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Process.Cases;
using static TeamsReviewBot.Tests.Process.Cases.CaseHarness;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Decisions;

/// <summary>
/// Each partnership's threshold-decision rule, row by row, through the real case rules: the first
/// column is the seed line the row checks. Votes are "seat=outcome" in the order cast; "after"
/// applies the rule when the decision window has passed; "consulted" records the consultation a
/// split majority waits for. Expected: decided:&lt;outcome&gt;, waiting, escalated or dispute.
/// </summary>
public sealed class SeedDecisionRulesTests
{
    private static readonly DateTimeOffset Received = London(2027, 1, 11, 10);

    public static TheoryData<string, string, bool, bool, string> Oldham => new()
    {
        { "seed-000 §3 'DAY 1 - Virtual Panel determine if criteria is met': three partners agreeing decide", "la=rapid-review police=rapid-review health=rapid-review", false, false, "decided:rapid-review" },
        { "seed-000 §3 'Disagreement inside the Virtual Panel is not addressed': a split waits for agreement, not the escalation pathway", "la=rapid-review police=no-further-action", false, false, "waiting" },
        { "seed-000 §3: a split changed to agreement decides", "la=rapid-review police=no-further-action police=rapid-review health=rapid-review", false, false, "decided:rapid-review" },
        { "seed-000 §3: a split still there at the end of Day 1 goes to the Business Manager", "la=rapid-review police=no-further-action", true, false, "escalated" },
        { "seed-000 SAS-AppB/AppC 'Minimum of 2 out of 3 Partners': two agreeing at the end of Day 1 decide", "la=no-further-action police=no-further-action", true, false, "decided:no-further-action" },
        { "seed-000 §3 outcome 4 'refer these into the escalation process': the panel can choose escalation", "la=escalation police=escalation health=escalation", false, false, "decided:escalation" },
        { "seed-000 AppA '3 statutory partners' minimum' not taken: one vote at the end of Day 1 decides nothing", "la=rapid-review", true, false, "escalated" },
    };

    public static TheoryData<string, string, bool, bool, string> Tameside => new()
    {
        { "seed-001 L14 'ultimate authority and decision making will rest with the three statutory partners': all three agreeing decide", "la=rapid-review police=rapid-review health=rapid-review", false, false, "decided:rapid-review" },
        { "seed-001 L14 'a majority decision will be taken in consultation with the Executive Chair/ Independent Scrutineer': 2-1 waits for the consultation", "la=rapid-review police=no-further-action health=rapid-review", false, false, "waiting" },
        { "seed-001 L14: 2-1 with the consultation recorded decides by majority", "la=rapid-review police=no-further-action health=rapid-review", false, true, "decided:rapid-review" },
        { "seed-001 L14 'within 48 hours' (what follows is a partnership setting): 2-1 never confirmed goes to the Business Manager", "la=rapid-review police=no-further-action health=rapid-review", true, false, "escalated" },
        { "seed-001 L14: a three-way split has no majority to consult on, so it goes to the Business Manager at once", "la=rapid-review police=no-further-action health=audit-and-assurance", false, false, "escalated" },
        { "seed-001 §3 'It must represent the three statutory partners': two votes when the 48 hours pass are not a decision", "la=rapid-review police=rapid-review", true, false, "escalated" },
    };

    public static TheoryData<string, string, bool, bool, string> Salford => new()
    {
        { "seed-002 L278 'Two of the panel only are needed to be quorate': two agreeing of four decide at once", "independent-adviser=rapid-review prsg-chair=rapid-review", false, false, "decided:rapid-review" },
        { "seed-002 L278: one against one is neither quorate agreement nor a majority, so it waits", "independent-adviser=rapid-review prsg-chair=salford-case-review", false, false, "waiting" },
        { "seed-002 L278 'Where there is not agreement, the decision will be based on the majority': 2-1 decides", "independent-adviser=rapid-review prsg-chair=salford-case-review business-manager=rapid-review", false, false, "decided:rapid-review" },
        { "seed-002 L278: one vote when the 48 hours pass is short of the quorum", "prsg-chair=rapid-review", true, false, "escalated" },
    };

    public static TheoryData<string, string, bool, bool, string> WestMidlands => new()
    {
        { "seed-003 [L145] 'it is for safeguarding partners to agree which incidents should be notified': all three agreeing decide", "la=rapid-review police=rapid-review health=rapid-review", false, false, "decided:rapid-review" },
        { "seed-003 [L145] 'Where there are disagreements the dispute resolution protocol should be followed': no local authority final say", "police=rapid-review health=rapid-review la=no-further-action", false, false, "dispute" },
        { "seed-003 [L886] the LA 'should, wherever possible, consult': the local authority alone does not decide when the window passes", "la=rapid-review", true, false, "escalated" },
        { "seed-003 [L145]: two partners agreeing without the third is not yet an agreement", "la=rapid-review police=rapid-review", false, false, "waiting" },
    };

    public static TheoryData<string, string, bool, bool, string> Gloucestershire => new()
    {
        { "seed-004 L90 'On the basis of a split decision the presumption will be to proceed to Rapid Review'", "health=no-further-action la=rapid-review", false, false, "decided:rapid-review" },
        { "seed-004 L88 the three partners 'indicate if they believe the case should become a Rapid Review or not': all no decides no", "health=no-further-action la=no-further-action police=no-further-action", false, false, "decided:no-further-action" },
        { "seed-004 L88 all three are 'required to indicate': a silent partner at working day 2 goes to the Business Manager", "health=no-further-action la=no-further-action", true, false, "escalated" },
    };

    [Theory]
    [MemberData(nameof(Oldham))]
    public void Oldham_virtual_panel(string seedLine, string votes, bool afterWindow, bool consulted, string expected) =>
        Check("oldham", seedLine, votes, afterWindow, consulted, expected);

    [Theory]
    [MemberData(nameof(Tameside))]
    public void Tameside_screening_panel(string seedLine, string votes, bool afterWindow, bool consulted, string expected) =>
        Check("tameside", seedLine, votes, afterWindow, consulted, expected);

    [Theory]
    [MemberData(nameof(Salford))]
    public void Salford_virtual_panel(string seedLine, string votes, bool afterWindow, bool consulted, string expected) =>
        Check("salford", seedLine, votes, afterWindow, consulted, expected);

    [Theory]
    [MemberData(nameof(WestMidlands))]
    public void West_Midlands_safeguarding_partners(string seedLine, string votes, bool afterWindow, bool consulted, string expected) =>
        Check("west-midlands", seedLine, votes, afterWindow, consulted, expected);

    [Theory]
    [MemberData(nameof(Gloucestershire))]
    public void Gloucestershire_statutory_partners(string seedLine, string votes, bool afterWindow, bool consulted, string expected) =>
        Check("gloucestershire", seedLine, votes, afterWindow, consulted, expected);

    [Fact]
    public void Oldham_incomplete_referral_is_the_business_managers_Day_0_step_not_a_panel_vote()
    {
        // seed-000 AppA Day 0: "OSCP Partnership Manager reviews referral and requests any further information needed for Virtual Panel".
        var harness = AwaitingDecision("oldham");

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.CastVote(s, "la", "incomplete-referral", "Missing the incident outline.", Member("local-authority"), false, now)));
        Assert.Contains("not an outcome the Oldham Safeguarding Children Partnership panel chooses", refused.Message, StringComparison.Ordinal);
        Assert.Empty(harness.State.Votes);

        harness.Do((r, s, now) => r.BusinessManagerDecides(s, "incomplete-referral", "The incident outline and agencies involved are missing.", BusinessManager, now));
        Assert.Equal(CaseStage.IncompleteResubmissionDue, harness.State.Stage);

        harness.Do((r, s, now) => r.Resubmit(s, BusinessManager, "The referrer sent the incident outline.", now));
        Assert.Equal(CaseStage.AwaitingDecision, harness.State.Stage);
    }

    [Fact]
    public void Oldham_escalation_chosen_by_the_panel_runs_the_escalation_pathway_and_the_business_manager_records_its_resolution()
    {
        // seed-000 §10 pathway 4: "DAY 2-3 - 3 statutory partners to virtually meet"; "DAY 4-5 - Independent Chair ... offer mediation".
        var harness = AwaitingDecision("oldham");
        foreach (var seat in new[] { ("la", "local-authority"), ("police", "police"), ("health", "health") })
        {
            harness.Do((r, s, now) => r.CastVote(s, seat.Item1, "escalation", "The referrer disputes an operational decision.", Member(seat.Item2), false, now));
        }

        Assert.Equal(CaseStage.Escalated, harness.State.Stage);
        var deadlines = Schedule.Deadlines(Playbook("oldham"), harness.State, harness.Now).Select(d => d.Entry.Key).ToList();
        Assert.Contains("escalation-partners-meeting", deadlines);
        Assert.Contains("escalation-mediation", deadlines);

        harness.Do((r, s, now) => r.ResolveEscalation(s, "no-further-action", "Mediation on Day 5 agreed no further action.", BusinessManager, now));
        Assert.Equal(CaseStage.NoFurtherAction, harness.State.Stage);
    }

    [Fact]
    public void Tameside_consultation_is_recorded_only_by_a_business_manager_and_only_on_a_split()
    {
        var harness = AwaitingDecision("tameside");
        harness.Do((r, s, now) => r.CastVote(s, "la", "rapid-review", "Neglect known.", Member("local-authority"), false, now));
        harness.Do((r, s, now) => r.CastVote(s, "police", "rapid-review", "Agree.", Member("police"), false, now));

        var noSplit = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordConsultation(s, "Agreed.", BusinessManager, now)));
        Assert.Contains("do not disagree", noSplit.Message, StringComparison.Ordinal);

        harness.Do((r, s, now) => r.CastVote(s, "health", "no-further-action", "Health sees no neglect.", Member("health"), false, now));
        Assert.Equal(CaseStage.AwaitingDecision, harness.State.Stage);
        Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordConsultation(s, "Agreed.", Member("police"), now)));

        harness.Do((r, s, now) => r.RecordConsultation(s, "Executive Chair agreed the majority view on the phone.", BusinessManager, now));

        Assert.Equal(CaseStage.RapidReview, harness.State.Stage);
        Assert.Equal([CaseEventTypes.ConsultationRecorded, CaseEventTypes.DecisionRecorded], harness.Types.TakeLast(2));
    }

    [Fact]
    public void West_Midlands_dispute_records_its_deadline_and_the_partners_it_goes_to()
    {
        // seed-003 [L143] notification 'within 5 working days'; [L240] 'The responsibility for the decision remains with the three Safeguarding Partners'.
        var harness = AwaitingDecision("west-midlands");
        harness.Do((r, s, now) => r.CastVote(s, "la", "rapid-review", "Neglect known.", Member("local-authority"), false, now));
        harness.Do((r, s, now) => r.CastVote(s, "police", "no-further-action", "No crime.", Member("police"), false, now));

        Assert.Equal(CaseStage.Escalated, harness.State.Stage);
        var dispute = CaseJson.Read<DecisionEscalated>(harness.Events.Single(e => e.Type == CaseEventTypes.DecisionEscalated).Data);
        Assert.Equal(London(2027, 1, 18, 17), dispute.DisputeDueAt);
        Assert.Equal(["la", "police", "health"], dispute.DisputeRecipients!);
        Assert.Contains("dispute resolution protocol", dispute.Reason, StringComparison.Ordinal);
        Assert.Contains("Monday 18 January 2027, 5 pm", dispute.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void West_Midlands_Day_0_follows_the_date_the_partnership_became_aware()
    {
        // seed-003 [L163]: 'within 15 working days of becoming aware of the incident'.
        var harness = AwaitingDecision("west-midlands");
        var awareAt = London(2027, 1, 7, 9);

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordAwareness(s, awareAt, Member("police"), "Police told us on 7 January.", now)));
        Assert.Contains("Only a business manager", refused.Message, StringComparison.Ordinal);
        Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordAwareness(s, Received.AddDays(1), BusinessManager, "Later.", now)));

        harness.Do((r, s, now) => r.RecordAwareness(s, awareAt, BusinessManager, "Police told the partnership on 7 January.", now));

        Assert.Equal(new DateOnly(2027, 1, 7), harness.State.DayZero);
        var timetable = Schedule.Timetable(Playbook("west-midlands"), harness.State);
        Assert.Equal("Monday 11 January 2027, 5 pm", BritishDates.DateAndTime(timetable.Get("decision").DueAt));
        Assert.Equal("Thursday 28 January 2027, 5 pm", BritishDates.DateAndTime(timetable.Get("overall").DueAt));
    }

    [Fact]
    public void Only_a_partnership_whose_clock_counts_from_awareness_takes_an_awareness_date()
    {
        var harness = AwaitingDecision("oldham");

        var refused = Assert.Throws<CaseRuleException>(() => harness.Do((r, s, now) => r.RecordAwareness(s, London(2027, 1, 7, 9), BusinessManager, "Told earlier.", now)));

        Assert.Contains("starts when the referral is received", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gloucestershire_serious_incident_notification_opens_decided_with_no_vote()
    {
        // seed-004 L126: 'All SIN are required to proceed to a Rapid Review'.
        var harness = new CaseHarness("gloucestershire", Received, CaseRules.SeriousIncidentNotification);

        Assert.Equal(CaseStage.RapidReview, harness.State.Stage);
        Assert.Empty(harness.State.Votes);
    }

    private static CaseHarness AwaitingDecision(string partnership)
    {
        var harness = new CaseHarness(partnership, Received);
        harness.Do((r, s, now) => r.PutToPanel(s, BusinessManager, now));
        return harness;
    }

    private static void Check(string partnership, string seedLine, string votes, bool afterWindow, bool consulted, string expected)
    {
        var playbook = Playbook(partnership);
        var harness = AwaitingDecision(partnership);
        foreach (var vote in votes.Split(' '))
        {
            var (seat, outcome) = (vote.Split('=')[0], vote.Split('=')[1]);
            var partner = playbook.FindSeat(seat)!.Partner;
            harness.Do((r, s, now) => r.CastVote(s, seat, outcome, $"Rationale for {outcome}.", Member(partner), false, now));
        }

        if (consulted)
        {
            harness.Do((r, s, now) => r.RecordConsultation(s, "Consulted on the split.", BusinessManager, now));
        }

        if (afterWindow)
        {
            harness.Now = Schedule.Timetable(playbook, harness.State).Get("decision").DueAt.AddMinutes(1);
            harness.Do((r, s, now) => r.DecisionWindowPassed(s, now));
        }

        var escalation = harness.Events.Where(e => e.Type == CaseEventTypes.DecisionEscalated).Select(e => CaseJson.Read<DecisionEscalated>(e.Data)).SingleOrDefault();
        var actual = harness.State.Outcome is { } decided ? $"decided:{decided}"
            : escalation is { DisputeDueAt: not null } ? "dispute"
            : escalation is not null ? "escalated"
            : "waiting";
        Assert.True(expected == actual, $"{seedLine}: expected {expected}, got {actual}.");
    }
}
