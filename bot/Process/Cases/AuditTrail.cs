using System.Globalization;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// Renders a case's events as the story of the case, one line per event, in plain words:
/// when (London time, the British way), who in what role, what happened, and why. It reads only
/// the events, which never hold a child's name, date of birth or address.
/// </summary>
public static class AuditTrail
{
    public static IReadOnlyList<string> Render(Playbook playbook, IEnumerable<StoredEvent> events) =>
        [.. events.Select(e => $"{BritishDates.DateAndTime(e.OccurredAt)} — {Line(playbook, e)}")];

    /// <summary>One event in plain words, without its time: what the export's "what" column holds.</summary>
    public static string Describe(Playbook playbook, StoredEvent e) => Line(playbook, e);

    private static string Line(Playbook playbook, StoredEvent e)
    {
        string Seat(string key) => playbook.FindSeat(key)?.Title ?? key;
        string Deadline(string key) => playbook.FindDeadline(key)?.Name ?? playbook.Afterwards.FirstOrDefault(a => a.Key == key)?.Description ?? key;

        switch (e.Type)
        {
            case CaseEventTypes.CaseOpened:
                var opened = CaseJson.Read<CaseOpened>(e.Data);
                return $"{Who(opened.Actor)} opened case {opened.CaseCode} ({opened.ReferralKind.Replace('-', ' ')} received {BritishDates.DateAndTime(opened.ReceivedAt)}; {WorkingDayNumbering.DescribeStart(playbook.Clock, opened.DayZero)}): {opened.Reason}";
            case CaseEventTypes.PutToPanel:
                var put = CaseJson.Read<PutToPanel>(e.Data);
                return $"{Who(put.Actor)} put the referral to the panel.";
            case CaseEventTypes.VoteCast:
                var vote = CaseJson.Read<VoteCast>(e.Data);
                return $"{Who(vote.Actor)} voted {playbook.FindOutcome(vote.Outcome)?.Label ?? vote.Outcome} for the {Seat(vote.Seat)}{(vote.ByDeputy ? " as deputy" : string.Empty)}: {vote.Rationale}";
            case CaseEventTypes.DecisionRecorded:
                var decision = CaseJson.Read<DecisionRecorded>(e.Data);
                return $"{Who(decision.Actor)} recorded the decision: {decision.OutcomeLabel}. {decision.Rationale}";
            case CaseEventTypes.DecisionEscalated:
                var escalated = CaseJson.Read<DecisionEscalated>(e.Data);
                return $"{Who(escalated.Actor)} escalated the decision: {escalated.Reason}";
            case CaseEventTypes.ConsultationRecorded:
                var consulted = CaseJson.Read<ConsultationRecorded>(e.Data);
                return $"{Who(consulted.Actor)} recorded the consultation with the {Seat(consulted.Seat)}: {consulted.Note}";
            case CaseEventTypes.AwarenessRecorded:
                var aware = CaseJson.Read<AwarenessRecorded>(e.Data);
                return $"{Who(aware.Actor)} recorded that the partnership became aware on {BritishDates.DateAndTime(aware.BecameAwareAt)}; {WorkingDayNumbering.StartName(playbook.Clock)} is now {BritishDates.Date(aware.DayZero)}: {aware.Reason}";
            case CaseEventTypes.ReferralResubmitted:
                var resubmitted = CaseJson.Read<ReferralResubmitted>(e.Data);
                return $"{Who(resubmitted.Actor)} recorded the re-submitted referral: {resubmitted.Reason}";
            case CaseEventTypes.NationalPanelNotified:
                var notified = CaseJson.Read<NationalPanelNotified>(e.Data);
                return $"{Who(notified.Actor)} recorded that the National Panel was notified: {notified.Reason}";
            case CaseEventTypes.InformationRequested:
                var requested = CaseJson.Read<InformationRequested>(e.Data);
                return $"{Who(requested.Actor)} requested information: {requested.Reason}";
            case CaseEventTypes.ReturnsCompleted:
                var returns = CaseJson.Read<ReturnsCompleted>(e.Data);
                return $"{Who(returns.Actor)} recorded the agency returns as complete: {returns.Reason}";
            case CaseEventTypes.MeetingScheduled:
                var scheduled = CaseJson.Read<MeetingScheduled>(e.Data);
                return $"{Who(scheduled.Actor)} scheduled the meeting: {scheduled.Reason}";
            case CaseEventTypes.MeetingOutcomeRecorded:
                var outcome = CaseJson.Read<MeetingOutcomeRecorded>(e.Data);
                return $"{Who(outcome.Actor)} recorded the meeting's outcome: practice review recommended: {ReviewRecommendations.Describe(outcome.ReviewRecommended)}.";
            case CaseEventTypes.CaseFactorsRecorded:
                var factors = CaseJson.Read<CaseFactorsRecorded>(e.Data);
                return $"{Who(factors.Actor)} recorded the Case Factors ticked on the referral form: {string.Join(", ", factors.Factors)}.";
            case CaseEventTypes.MeetingAttendeeAdded:
                var added = CaseJson.Read<MeetingAttendeeAdded>(e.Data);
                return $"{Who(added.Actor)} added {added.Address} to the meeting's invitation: {added.Reason}";
            case CaseEventTypes.MeetingPapersSent:
                var papers = CaseJson.Read<MeetingPapersSent>(e.Data);
                return $"{Who(papers.Actor)} sent the {(papers.Updated ? "updated " : string.Empty)}meeting papers ({papers.Documents.Count} {(papers.Documents.Count == 1 ? "document" : "documents")}, {papers.Returns} agency {(papers.Returns == 1 ? "return" : "returns")}) to {papers.Recipients.Count} attendees for the meeting of {BritishDates.DateAndTime(papers.MeetingAt)}.";
            case CaseEventTypes.MeetingCancelled:
                var cancelled = CaseJson.Read<MeetingCancelled>(e.Data);
                return $"{Who(cancelled.Actor)} cancelled the meeting of {BritishDates.DateAndTime(cancelled.WasAt)}: {cancelled.Reason}";
            case CaseEventTypes.SignOffSlotBooked:
                var slot = CaseJson.Read<SignOffSlotBooked>(e.Data);
                return $"{Who(slot.Actor)} booked the decision makers' sign-off slot for {BritishDates.DateAndTime(slot.Start)}, after the meeting of {BritishDates.DateAndTime(slot.MeetingAt)}: {slot.Attendees.Count} invited, {slot.Free} known to be free then.";
            case CaseEventTypes.SignOffSlotCancelled:
                var slotCancelled = CaseJson.Read<SignOffSlotCancelled>(e.Data);
                return $"{Who(slotCancelled.Actor)} cancelled the decision makers' sign-off slot: {slotCancelled.Reason}";
            case CaseEventTypes.MeetingHeld:
                var held = CaseJson.Read<MeetingHeld>(e.Data);
                return $"{Who(held.Actor)} recorded the meeting as held, with {Partners.List(held.PartnersPresent)} present.";
            case CaseEventTypes.ReportDrafted:
                var drafted = CaseJson.Read<ReportDrafted>(e.Data);
                return $"{Who(drafted.Actor)} recorded the report as drafted: {drafted.Reason}";
            case CaseEventTypes.ReportVersionAdded:
                var version = CaseJson.Read<ReportVersionAdded>(e.Data);
                return $"{Who(version.Actor)} stored version {version.Version} of the report (SHA-256 {version.Sha256[..12]}…): {version.Reason}";
            case CaseEventTypes.SignOffRecorded:
                var signOff = CaseJson.Read<SignOffRecorded>(e.Data);
                return $"{Who(signOff.Actor)} {(signOff.Agrees ? "signed off" : "declined to sign off")} for the {Seat(signOff.Seat)}{(signOff.ByDeputy ? " as deputy" : string.Empty)}: {signOff.Reason}";
            case CaseEventTypes.ReportComplianceChecked:
                var compliance = CaseJson.Read<ReportComplianceChecked>(e.Data);
                return $"{Who(compliance.Actor)} confirmed the {playbook.SignOff.ComplianceCheck?.Name ?? "check of the report"}: {compliance.Reason}{(compliance.Note is null ? string.Empty : " Note: " + compliance.Note)}";
            case CaseEventTypes.SignedOff:
                var signedOff = CaseJson.Read<SignedOff>(e.Data);
                return $"{Who(signedOff.Actor)} recorded the report as signed off: {signedOff.Reason}";
            case CaseEventTypes.SignOffDisputed:
                var disputed = CaseJson.Read<SignOffDisputed>(e.Data);
                return $"{Who(disputed.Actor)} recorded that sign-off cannot be reached: {disputed.Reason}";
            case CaseEventTypes.Submitted:
                var submitted = CaseJson.Read<Submitted>(e.Data);
                return $"{Who(submitted.Actor)} submitted the report: {submitted.Reason}";
            case CaseEventTypes.NationalPanelReplied:
                var replied = CaseJson.Read<NationalPanelReplied>(e.Data);
                return $"The National Panel replied to the submission from {replied.From} ({BritishDates.DateAndTime(replied.ReceivedAt)}, matched by {replied.MatchedBy}).";
            case CaseEventTypes.AfterwardsStarted:
                var afterwards = CaseJson.Read<AfterwardsStarted>(e.Data);
                return $"{Who(afterwards.Actor)} started the afterwards steps.";
            case CaseEventTypes.StepCompleted:
                var step = CaseJson.Read<StepCompleted>(e.Data);
                return $"{Who(step.Actor)} marked '{Deadline(step.Deadline)}' done: {step.Reason}";
            case CaseEventTypes.Closed:
                var closed = CaseJson.Read<Closed>(e.Data);
                return $"{Who(closed.Actor)} closed the case: {closed.Reason}";
            case CaseEventTypes.DeadlineMoved:
                var moved = CaseJson.Read<DeadlineMoved>(e.Data);
                var originally = moved.OriginalDueAt == moved.PreviousDueAt ? string.Empty : $" (originally {BritishDates.DateAndTime(moved.OriginalDueAt)})";
                return $"{Who(moved.Actor)} moved '{Deadline(moved.Deadline)}' from {BritishDates.DateAndTime(moved.PreviousDueAt)} to {BritishDates.DateAndTime(moved.NewDueAt)}{originally}: {moved.Reason}";
            case CaseEventTypes.ReminderSent:
                var reminder = CaseJson.Read<ReminderSent>(e.Data);
                return $"{Who(reminder.Actor)} sent a reminder ({reminder.Kind.Replace('-', ' ')}): '{Deadline(reminder.Deadline)}' is due {BritishDates.DateAndTime(reminder.DueAt)}.";
            case CaseEventTypes.DeadlineMissed:
                var missed = CaseJson.Read<DeadlineMissed>(e.Data);
                return $"{Who(missed.Actor)} escalated a missed deadline: '{Deadline(missed.Deadline)}' was due {BritishDates.DateAndTime(missed.DueAt)}.";
            case CaseEventTypes.MeetingResponseRecorded:
                var answered = CaseJson.Read<MeetingResponseRecorded>(e.Data);
                return $"{Who(answered.Actor)} recorded from the calendar: {answered.Reason}"
                    + (answered.RespondedAt is { } respondedAt ? $" (answered {BritishDates.DateAndTime(respondedAt)})" : string.Empty)
                    + (answered.ProposedStart is { } proposed ? $" Proposed instead: {BritishDates.DateAndTime(proposed)}." : string.Empty);
            case CaseEventTypes.BusinessManagersNotified:
                var told = CaseJson.Read<BusinessManagersNotified>(e.Data);
                return $"{Who(told.Actor)} told the business managers: {told.Message}";
            case CaseEventTypes.AuditTrailExported:
                var exported = CaseJson.Read<AuditTrailExported>(e.Data);
                return $"{Who(exported.Actor)} exported the audit trail ({(exported.ChildDetailsIncluded ? "with" : "without")} the child's details; {exported.Delivery}).";
            default:
                return AfterwardsTrail.Line(e, Who)
                    ?? InformationRequests.RequestAuditLines.Line(e)
                    ?? string.Create(CultureInfo.InvariantCulture, $"(event {e.Type} #{e.Sequence})");
        }
    }

    private static string Who(Actor actor) => actor.Role == Roles.System
        ? actor.Name
        : $"{actor.Name} ({actor.Role.Replace('-', ' ')}{(actor.Partner is null ? string.Empty : ", " + actor.Partner)})";
}
