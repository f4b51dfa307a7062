using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Decisions;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// The guarded moves of a case. Each takes the current state and returns the events to append, or
/// refuses with a <see cref="CaseRuleException"/> whose message a business manager understands.
/// Nothing here reads a clock: <c>now</c> is passed in.
/// </summary>
public sealed class CaseRules(Playbook playbook, CaseSchedule schedule)
{
    public const string Referral = "referral";
    public const string SeriousIncidentNotification = "serious-incident-notification";

    public Playbook Playbook => playbook;

    public IReadOnlyList<NewEvent> Open(string caseCode, string referralKind, DateTimeOffset receivedAt, Actor actor, string reason, DateTimeOffset now)
    {
        var dayZero = schedule.Calendar.DayZero(receivedAt, playbook.Clock.CutOff);
        var events = new List<NewEvent>
        {
            Event(CaseEventTypes.CaseOpened, new CaseOpened(caseCode, playbook.Key, referralKind, receivedAt, dayZero, actor, reason), now),
        };
        if (playbook.Decision.NoVoteFor?.Contains(referralKind, StringComparer.Ordinal) == true)
        {
            var rapidReview = playbook.OutcomeOfKind(OutcomeKind.RapidReview)!;
            events.Add(Event(CaseEventTypes.DecisionRecorded, new DecisionRecorded(rapidReview.Key, rapidReview.Label, "rule", $"A {referralKind.Replace('-', ' ')} always proceeds to a Rapid Review.", Actor.System, playbook.Decision.Source), now));
        }

        return events;
    }

    public IReadOnlyList<NewEvent> PutToPanel(CaseState state, Actor actor, DateTimeOffset now)
    {
        Require(state);
        if (state.Stage != CaseStage.Referred)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is already {CaseStageNames.Describe(state.Stage)}; it can only be put to the panel once, straight after the referral.");
        }

        return [Event(CaseEventTypes.PutToPanel, new PutToPanel(actor, DecisionRules.PutToPanelReason), now)];
    }

    /// <summary>Records one seat's vote and, when the rule then gives a verdict, the decision or escalation.</summary>
    public IReadOnlyList<NewEvent> CastVote(CaseState state, string seatKey, string outcomeKey, string rationale, Actor actor, bool byDeputy, DateTimeOffset now)
    {
        Require(state);
        if (state.Stage != CaseStage.AwaitingDecision)
        {
            throw new CaseRuleException($"Votes are taken only while a case awaits the panel's decision; case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}.");
        }

        var seat = playbook.FindSeat(seatKey) is { Votes: true } found ? found
            : throw new CaseRuleException($"'{seatKey}' is not a voting seat on the {playbook.Name} panel. The voting seats are: {string.Join(", ", playbook.Seats.Where(s => s.Votes).Select(s => s.Title))}.");
        if (byDeputy && !seat.DeputiesMayAct)
        {
            throw new CaseRuleException($"The {playbook.Name} rules do not let a deputy vote for the {seat.Title}; the seat's lead must vote.");
        }

        if (state.Votes.TryGetValue(seatKey, out var earlier) && byDeputy && !earlier.ByDeputy)
        {
            throw new CaseRuleException($"The {seat.Title} has already voted through its lead; a deputy cannot vote again for the same seat.");
        }

        var outcome = playbook.FindOutcome(outcomeKey)
            ?? throw new CaseRuleException($"'{outcomeKey}' is not an outcome the {playbook.Name} panel can choose. The outcomes are: {string.Join(", ", playbook.Outcomes.Select(o => o.Label))}.");
        if (!outcome.IsPanelChoice)
        {
            throw new CaseRuleException($"'{outcome.Label}' is not an outcome the {playbook.Name} panel chooses ({outcome.Source}). The panel chooses from: {string.Join(", ", playbook.Outcomes.Where(o => o.IsPanelChoice).Select(o => o.Label))}.");
        }

        if (outcome.RationaleRequired && string.IsNullOrWhiteSpace(rationale))
        {
            throw new CaseRuleException($"Please give the rationale for '{outcome.Label}': the {playbook.Name} rules need it recorded.");
        }

        var events = new List<NewEvent>
        {
            Event(CaseEventTypes.VoteCast, new VoteCast(seatKey, outcomeKey, byDeputy, rationale, actor, rationale), now),
        };
        var votes = state.Votes.SetItem(seatKey, new Vote(seatKey, outcomeKey, byDeputy, now)).Values.ToList();
        events.AddRange(Verdict(state, votes, now));
        return events;
    }

    /// <summary>When the decision window passes, the rule is applied to the votes as they stand.</summary>
    public IReadOnlyList<NewEvent> DecisionWindowPassed(CaseState state, DateTimeOffset now)
    {
        Require(state);
        return state.Stage == CaseStage.AwaitingDecision ? Verdict(state, [.. state.Votes.Values], now) : [];
    }

    /// <summary>
    /// A business manager records the consultation a split majority waits for (the playbook's
    /// <see cref="DecisionRule.MajorityAfterConsultationWith"/>); the rule is then applied again.
    /// </summary>
    public IReadOnlyList<NewEvent> RecordConsultation(CaseState state, string note, Actor actor, DateTimeOffset now)
    {
        Require(state);
        RequireBusinessManager(actor, "record the consultation on a split decision");
        var seatKey = playbook.Decision.MajorityAfterConsultationWith
            ?? throw new CaseRuleException($"The {playbook.Name} rules take no consultation before the panel's decision.");
        var seat = playbook.FindSeat(seatKey)!;
        if (state.Stage != CaseStage.AwaitingDecision)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}; the consultation is recorded while the panel's decision is awaited.");
        }

        if (state.ConsultedAt is not null)
        {
            throw new CaseRuleException($"The consultation with the {seat.Title} is already recorded for case {state.CaseCode}.");
        }

        if (state.Votes.Values.Select(v => v.Outcome).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new CaseRuleException($"The votes on case {state.CaseCode} do not disagree, so there is no split for the {seat.Title} to be consulted on.");
        }

        RequireRationale(note, "recording the consultation");
        var consulted = state with { ConsultedAt = now };
        var events = new List<NewEvent> { Event(CaseEventTypes.ConsultationRecorded, new ConsultationRecorded(seatKey, note, actor, $"{playbook.Decision.OnDisagreement} ({playbook.Decision.Source})"), now) };
        events.AddRange(Verdict(consulted, [.. state.Votes.Values], now));
        return events;
    }

    /// <summary>
    /// A business manager records when the partnership became aware of the incident, where the
    /// playbook counts Day 0 from it; every deadline counted from Day 0 follows.
    /// </summary>
    public IReadOnlyList<NewEvent> RecordAwareness(CaseState state, DateTimeOffset becameAwareAt, Actor actor, string reason, DateTimeOffset now)
    {
        Require(state);
        RequireBusinessManager(actor, "record when the partnership became aware");
        if (playbook.Clock.DayZero != "became-aware")
        {
            throw new CaseRuleException($"The {playbook.Name} clock starts when the referral is received ({playbook.Clock.Source}), not when the partnership became aware.");
        }

        if (state.IsClosed)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is closed; its clock can no longer move.");
        }

        if (becameAwareAt > state.ReceivedAt)
        {
            throw new CaseRuleException($"The referral received on {BritishDates.DateAndTime(state.ReceivedAt)} made the partnership aware; it cannot have become aware later ({BritishDates.DateAndTime(becameAwareAt)}).");
        }

        if (state.BecameAwareAt == becameAwareAt)
        {
            throw new CaseRuleException($"Case {state.CaseCode} already counts from {BritishDates.DateAndTime(becameAwareAt)}.");
        }

        RequireRationale(reason, "recording when the partnership became aware");
        var dayZero = schedule.Calendar.DayZero(becameAwareAt, playbook.Clock.CutOff);
        return [Event(CaseEventTypes.AwarenessRecorded, new AwarenessRecorded(becameAwareAt, dayZero, actor, reason), now)];
    }

    /// <summary>A business manager decides alone, where the playbook allows it for this outcome ("obviously a rapid review").</summary>
    public IReadOnlyList<NewEvent> BusinessManagerDecides(CaseState state, string outcomeKey, string rationale, Actor actor, DateTimeOffset now)
    {
        Require(state);
        RequireBusinessManager(actor, "decide alone");
        if (state.Stage is not (CaseStage.Referred or CaseStage.AwaitingDecision))
        {
            throw new CaseRuleException($"Case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}; a business manager can decide alone only before the panel has decided.");
        }

        if (playbook.Decision.BusinessManagerMayDecideAlone?.Contains(outcomeKey, StringComparer.Ordinal) != true)
        {
            throw new CaseRuleException($"The {playbook.Name} rules do not let the business manager decide '{playbook.FindOutcome(outcomeKey)?.Label ?? outcomeKey}' alone; the panel must decide.");
        }

        RequireRationale(rationale, "deciding alone");
        var outcome = playbook.FindOutcome(outcomeKey)!;
        return [Event(CaseEventTypes.DecisionRecorded, new DecisionRecorded(outcomeKey, outcome.Label, "business-manager", rationale, actor, "The business manager decided alone and the panel is informed."), now)];
    }

    /// <summary>A business manager records how an escalated decision was resolved.</summary>
    public IReadOnlyList<NewEvent> ResolveEscalation(CaseState state, string outcomeKey, string rationale, Actor actor, DateTimeOffset now)
    {
        Require(state);
        RequireBusinessManager(actor, "record how an escalation was resolved");
        if (state.Stage != CaseStage.Escalated)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}, not escalated; there is no escalation to resolve.");
        }

        var outcome = playbook.FindOutcome(outcomeKey) is { Kind: not OutcomeKind.Escalation } found ? found
            : throw new CaseRuleException($"An escalation is resolved with one of: {string.Join(", ", playbook.Outcomes.Where(o => o.Kind != OutcomeKind.Escalation).Select(o => o.Label))}.");
        RequireRationale(rationale, "resolving the escalation");
        return [Event(CaseEventTypes.DecisionRecorded, new DecisionRecorded(outcomeKey, outcome.Label, "escalation", rationale, actor, "Escalation resolved."), now)];
    }

    public IReadOnlyList<NewEvent> Resubmit(CaseState state, Actor actor, string reason, DateTimeOffset now)
    {
        Require(state);
        if (state.Stage != CaseStage.IncompleteResubmissionDue)
        {
            throw new CaseRuleException($"Only an incomplete referral can be re-submitted; case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}.");
        }

        return [Event(CaseEventTypes.ReferralResubmitted, new ReferralResubmitted(actor, reason), now)];
    }

    public IReadOnlyList<NewEvent> NotifyNationalPanel(CaseState state, Actor actor, string reason, DateTimeOffset now)
    {
        RequireRapidReview(state, "The National Panel is notified");
        if (state.NotifiedAt is not null)
        {
            throw new CaseRuleException($"The National Panel was already notified for case {state.CaseCode}.");
        }

        return [Event(CaseEventTypes.NationalPanelNotified, new NationalPanelNotified(actor, reason), now)];
    }

    public IReadOnlyList<NewEvent> RequestInformation(CaseState state, IReadOnlyList<string> agencies, Actor actor, DateTimeOffset now)
    {
        RequireRapidReview(state, "Information is requested");
        if (state.RequestedAt is not null)
        {
            throw new CaseRuleException($"Information was already requested for case {state.CaseCode}.");
        }

        if (agencies.Count == 0)
        {
            throw new CaseRuleException("Name at least one agency to ask for information.");
        }

        var reason = $"{string.Join(" and ", playbook.InformationRequests.Templates)} sent to {agencies.Count} {(agencies.Count == 1 ? "agency" : "agencies")}"
            + (playbook.InformationRequests.RecordsSecuringRequest is null ? "." : ", with the request to secure records.");
        return [Event(CaseEventTypes.InformationRequested, new InformationRequested(agencies, actor, reason), now)];
    }

    public IReadOnlyList<NewEvent> CompleteReturns(CaseState state, Actor actor, string reason, DateTimeOffset now)
    {
        RequireRapidReview(state, "Returns are recorded");
        if (state.RequestedAt is null)
        {
            throw new CaseRuleException($"No information has been requested for case {state.CaseCode} yet, so there are no returns to complete.");
        }

        if (state.ReturnsCompleteAt is not null)
        {
            throw new CaseRuleException($"The returns for case {state.CaseCode} are already complete.");
        }

        return [Event(CaseEventTypes.ReturnsCompleted, new ReturnsCompleted(actor, reason), now)];
    }

    public IReadOnlyList<NewEvent> ScheduleMeeting(CaseState state, DateTimeOffset meetingAt, Actor actor, DateTimeOffset now, string? eventId = null, string? joinUrl = null, string? why = null)
    {
        RequireRapidReview(state, "A meeting is scheduled");
        if (state.MeetingHeldAt is not null)
        {
            throw new CaseRuleException($"The meeting for case {state.CaseCode} has already been held.");
        }

        if (meetingAt <= now)
        {
            throw new CaseRuleException($"The meeting must be booked for a time still to come; {BritishDates.DateAndTime(meetingAt)} has passed.");
        }

        var verb = state.MeetingAt is null ? "booked" : $"moved from {BritishDates.DateAndTime(state.MeetingAt.Value)}";
        return [Event(CaseEventTypes.MeetingScheduled, new MeetingScheduled(meetingAt, actor, $"Meeting {verb} to {BritishDates.DateAndTime(meetingAt)}." + (string.IsNullOrWhiteSpace(why) ? string.Empty : $" {why.Trim()}"), eventId, joinUrl), now)];
    }

    /// <summary>A business manager calls off the booked meeting, with a reason; its deadlines go back to the plan.</summary>
    public IReadOnlyList<NewEvent> CancelMeeting(CaseState state, Actor actor, string reason, DateTimeOffset now)
    {
        RequireRapidReview(state, "A meeting is cancelled");
        RequireBusinessManager(actor, "cancel the meeting");
        if (state.MeetingHeldAt is not null)
        {
            throw new CaseRuleException($"The meeting for case {state.CaseCode} has already been held.");
        }

        if (state.MeetingAt is not { } wasAt)
        {
            throw new CaseRuleException($"No meeting is booked for case {state.CaseCode}, so there is none to cancel.");
        }

        RequireRationale(reason, "cancelling the meeting");
        return [Event(CaseEventTypes.MeetingCancelled, new MeetingCancelled(wasAt, state.MeetingEventId, actor, reason.Trim()), now)];
    }

    /// <summary>The chair or a business manager records what the meeting concluded, once, after it began.</summary>
    public IReadOnlyList<NewEvent> RecordMeetingOutcome(CaseState state, string learning, string reviewRecommended, string? leadReviewer, Actor actor, DateTimeOffset now)
    {
        RequireRapidReview(state, "The meeting's outcome is recorded");
        if (actor.Role is not (Roles.BusinessManager or Roles.Chair))
        {
            throw new CaseRuleException("Only the chair or a business manager can record the meeting's outcome.");
        }

        if (state.MeetingAt is null)
        {
            throw new CaseRuleException($"The outcome is recorded after the meeting, and case {state.CaseCode} has no meeting booked.");
        }

        if (state.MeetingAt > now)
        {
            throw new CaseRuleException($"The outcome is recorded after the meeting, and case {state.CaseCode} has its meeting on {BritishDates.DateAndTime(state.MeetingAt.Value)}.");
        }

        if (state.ReviewRecommended is not null)
        {
            throw new CaseRuleException($"The meeting's outcome for case {state.CaseCode} is already recorded.");
        }

        if (!ReviewRecommendations.All.Contains(reviewRecommended, StringComparer.Ordinal))
        {
            throw new CaseRuleException("Say whether a Local Child Safeguarding Practice Review is recommended: yes, no or needs more information.");
        }

        if (string.IsNullOrWhiteSpace(learning))
        {
            throw new CaseRuleException("Please record the learning identified; it is kept in the case's record.");
        }

        var reason = $"Practice review recommended: {ReviewRecommendations.Describe(reviewRecommended)}."
            + (reviewRecommended == ReviewRecommendations.Yes ? " The deadlines that apply if a review is decided now run." : string.Empty);
        return [Event(CaseEventTypes.MeetingOutcomeRecorded, new MeetingOutcomeRecorded(learning.Trim(), reviewRecommended, string.IsNullOrWhiteSpace(leadReviewer) ? null : leadReviewer.Trim(), actor, reason), now)];
    }

    public IReadOnlyList<NewEvent> HoldMeeting(CaseState state, IReadOnlyList<string> partnersPresent, Actor actor, DateTimeOffset now)
    {
        RequireRapidReview(state, "The meeting is held");
        if (state.MeetingAt is null)
        {
            throw new CaseRuleException($"No meeting has been scheduled for case {state.CaseCode}; schedule it first.");
        }

        if (state.MeetingHeldAt is not null)
        {
            throw new CaseRuleException($"The meeting for case {state.CaseCode} has already been held.");
        }

        var absent = playbook.Meeting.QuorumPartners.Where(p => !partnersPresent.Contains(p, StringComparer.Ordinal)).ToList();
        if (absent.Count > 0)
        {
            throw new CaseRuleException($"The meeting is not quorate: it needs at least one representative each of {Partners.List(playbook.Meeting.QuorumPartners)}, and {Partners.List(absent)} {(absent.Count == 1 ? "is" : "are")} missing.");
        }

        return [Event(CaseEventTypes.MeetingHeld, new MeetingHeld(partnersPresent, actor, "Meeting held and quorate."), now)];
    }

    public IReadOnlyList<NewEvent> DraftReport(CaseState state, Actor actor, DateTimeOffset now)
    {
        RequireRapidReview(state, "The report is drafted");
        if (state.MeetingHeldAt is null)
        {
            throw new CaseRuleException($"The report is drafted from the meeting, and the meeting for case {state.CaseCode} has not been held yet.");
        }

        if (state.ReportDraftedAt is not null)
        {
            throw new CaseRuleException($"The report for case {state.CaseCode} is already drafted.");
        }

        return [Event(CaseEventTypes.ReportDrafted, new ReportDrafted(actor, "Report drafted and sent for sign-off."), now)];
    }

    /// <summary>Records one seat's sign-off (or refusal) and, when the rule is then met or can no longer be, says so.</summary>
    public IReadOnlyList<NewEvent> RecordSignOff(CaseState state, string seatKey, bool agrees, bool byDeputy, Actor actor, string reason, DateTimeOffset now, ReportVersion? version = null, string? comments = null)
    {
        RequireRapidReview(state, "Sign-off is recorded");
        if (state.ReportDraftedAt is null && state.CurrentReportVersion is null)
        {
            throw new CaseRuleException($"There is no drafted report to sign off for case {state.CaseCode} yet.");
        }

        if (state.SignedOffAt is not null)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is already signed off.");
        }

        var rule = playbook.SignOff;
        var allowed = rule.Seats.Append(rule.IndependentSeat).Append(rule.AlternativeSoleSignatory).Where(s => s is not null).ToList();
        var seat = allowed.Contains(seatKey) ? playbook.FindSeat(seatKey)!
            : throw new CaseRuleException($"'{playbook.FindSeat(seatKey)?.Title ?? seatKey}' does not sign off {playbook.Name} reports. Sign-off is by: {string.Join(", ", allowed.Select(s => playbook.FindSeat(s!)!.Title))}.");
        if (byDeputy && !seat.DeputiesMayAct)
        {
            throw new CaseRuleException($"The {playbook.Name} rules do not let a deputy sign off for the {seat.Title}.");
        }

        if (state.SignOffs.TryGetValue(seatKey, out var earlier) && byDeputy && !earlier.ByDeputy)
        {
            throw new CaseRuleException($"The {seat.Title} has already answered through its lead; a deputy cannot answer again for the same seat.");
        }

        var events = new List<NewEvent> { Event(CaseEventTypes.SignOffRecorded, new SignOffRecorded(seatKey, agrees, byDeputy, actor, reason, version?.Number, version?.Sha256, comments), now) };
        var entries = state.SignOffs.SetItem(seatKey, new SignOffEntry(seatKey, agrees, byDeputy, now)).Values.ToList();
        var deadline = schedule.Timetable(playbook, state).Get(rule.Deadline).DueAt;
        switch (SignOffEvaluator.Evaluate(playbook, entries, now, deadline, state.ComplianceCheck?.At))
        {
            case SignOffVerdict.SignedOff signedOff:
                events.Add(Event(CaseEventTypes.SignedOff, new SignedOff(Actor.System, signedOff.Explanation), now));
                break;
            case SignOffVerdict.Blocked blocked when !state.SignOffDisputed:
                events.Add(Event(CaseEventTypes.SignOffDisputed, new SignOffDisputed(Actor.System, blocked.Explanation), now));
                break;
        }

        return events;
    }

    public IReadOnlyList<NewEvent> Submit(CaseState state, Actor actor, DateTimeOffset now)
    {
        RequireRapidReview(state, "The report is submitted");
        if (state.SignedOffAt is null)
        {
            throw new CaseRuleException($"The report for case {state.CaseCode} cannot go to the National Panel before it is signed off.");
        }

        if (state.SubmittedAt is not null)
        {
            throw new CaseRuleException($"The report for case {state.CaseCode} was already submitted.");
        }

        return [Event(CaseEventTypes.Submitted, new Submitted(playbook.Submission.Address, actor, $"Report sent to {playbook.Submission.Address}."), now)];
    }

    public IReadOnlyList<NewEvent> StartAfterwards(CaseState state, Actor actor, DateTimeOffset now)
    {
        Require(state);
        var ready = state.OutcomeKind == OutcomeKind.OtherLearning || state.SubmittedAt is not null;
        if (!ready || state.AfterwardsAt is not null || state.IsClosed)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}; the afterwards steps start once the report is submitted (or another learning route is chosen), and only once.");
        }

        return [Event(CaseEventTypes.AfterwardsStarted, new AfterwardsStarted(actor, string.Join("; ", playbook.Afterwards.Select(a => a.Description)) + "."), now)];
    }

    /// <summary>Marks done a deadline that is met by a step the business manager confirms (papers sent, lesson logs back, …).</summary>
    public IReadOnlyList<NewEvent> CompleteStep(CaseState state, string deadlineKey, Actor actor, string reason, DateTimeOffset now)
    {
        Require(state);
        var rule = playbook.FindDeadline(deadlineKey)
            ?? throw new CaseRuleException($"The {playbook.Name} timetable has no step '{deadlineKey}'.");
        if (rule.CompletedBy != Milestones.Step)
        {
            throw new CaseRuleException($"'{rule.Name}' is met by the case moving on, not marked done by hand.");
        }

        if (state.CompletedSteps.ContainsKey(deadlineKey))
        {
            throw new CaseRuleException($"'{rule.Name}' is already done for case {state.CaseCode}.");
        }

        return [Event(CaseEventTypes.StepCompleted, new StepCompleted(deadlineKey, actor, reason), now)];
    }

    public IReadOnlyList<NewEvent> Close(CaseState state, Actor actor, string reason, DateTimeOffset now)
    {
        Require(state);
        if (state.Stage is not (CaseStage.NoFurtherAction or CaseStage.OtherLearningRoute or CaseStage.Afterwards))
        {
            throw new CaseRuleException($"Case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}; a case closes after no further action, another learning route, or its afterwards steps.");
        }

        RequireRationale(reason, "closing the case");
        return [Event(CaseEventTypes.Closed, new Closed(actor, reason), now)];
    }

    /// <summary>A business manager moves a deadline, with a reason; the original date stays on record.</summary>
    public IReadOnlyList<NewEvent> MoveDeadline(CaseState state, string deadlineKey, DateTimeOffset newDueAt, Actor actor, string reason, DateTimeOffset now)
    {
        Require(state);
        RequireBusinessManager(actor, "move a deadline");
        RequireRationale(reason, "moving a deadline");
        if (state.IsClosed)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is closed; its deadlines can no longer move.");
        }

        var entry = schedule.Timetable(playbook, state).Find(deadlineKey)
            ?? throw new CaseRuleException($"The {playbook.Name} timetable has no deadline '{deadlineKey}'.");
        if (entry.DueAt == newDueAt)
        {
            throw new CaseRuleException($"'{entry.Name}' is already due {BritishDates.DateAndTime(newDueAt)}.");
        }

        var original = state.Moves.TryGetValue(deadlineKey, out var earlier) ? earlier.OriginalDueAt : entry.DueAt;
        return [Event(CaseEventTypes.DeadlineMoved, new DeadlineMoved(deadlineKey, original, entry.DueAt, newDueAt, actor, reason), now)];
    }

    private static void RequireRapidReview(CaseState state, string what)
    {
        Require(state);
        if (state.OutcomeKind != OutcomeKind.RapidReview || state.IsClosed)
        {
            throw new CaseRuleException($"{what} only on a case going to Rapid Review; case {state.CaseCode} is {CaseStageNames.Describe(state.Stage)}.");
        }
    }

    private static void Require(CaseState state)
    {
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {state.StreamId}.");
        }
    }

    private static void RequireBusinessManager(Actor actor, string what)
    {
        if (!actor.IsBusinessManager)
        {
            throw new CaseRuleException($"Only a business manager can {what}.");
        }
    }

    private static void RequireRationale(string reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CaseRuleException($"Please give a reason when {what}; it is kept in the case's record.");
        }
    }

    private IReadOnlyList<NewEvent> Verdict(CaseState state, IReadOnlyCollection<Vote> votes, DateTimeOffset now)
    {
        var timetable = schedule.Timetable(playbook, state);
        var window = timetable.Get("decision").DueAt;
        return DecisionEvaluator.Evaluate(playbook, state.ReferralKind, votes, now, window, state.ConsultedAt is not null) switch
        {
            DecisionVerdict.Decided d => [Event(CaseEventTypes.DecisionRecorded, new DecisionRecorded(d.Outcome, playbook.FindOutcome(d.Outcome)!.Label, "panel", d.Explanation, Actor.System, playbook.Decision.Source), now)],
            DecisionVerdict.Escalate { IsDispute: true } e when state.EscalatedAt is null && playbook.Decision.Dispute is { } dispute => [Dispute(e, dispute, timetable.Get(dispute.DueBy), now)],
            DecisionVerdict.Escalate e when state.EscalatedAt is null => [Event(CaseEventTypes.DecisionEscalated, new DecisionEscalated(e.Explanation, Actor.System), now)],
            _ => [],
        };
    }

    private NewEvent Dispute(DecisionVerdict.Escalate verdict, DisputeRule dispute, TimetableEntry dueBy, DateTimeOffset now)
    {
        var recipients = dispute.Recipients.Select(r => playbook.FindSeat(r)!.Title).ToList();
        var reason = $"{verdict.Explanation} Recorded as a dispute: it goes to {string.Join(", ", recipients)}, and must be resolved by {BritishDates.DateAndTime(dueBy.DueAt)} ({dueBy.Name}).";
        return Event(CaseEventTypes.DecisionEscalated, new DecisionEscalated(reason, Actor.System, dueBy.DueAt, dispute.Recipients), now);
    }

    private static NewEvent Event<T>(string type, T data, DateTimeOffset at) => new(type, CaseJson.Write(data), at);
}
