namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// The events of a case stream. Each records who (<see cref="Actor"/>) and why (Reason); when is the
/// stored event's OccurredAt. Together they are the case's audit trail, so names and fields say what
/// happened in the words of the process.
/// </summary>
public static partial class CaseEventTypes
{
    public const string CaseOpened = "CaseOpened";
    public const string PutToPanel = "PutToPanel";
    public const string VoteCast = "VoteCast";
    public const string DecisionRecorded = "DecisionRecorded";
    public const string DecisionEscalated = "DecisionEscalated";
    public const string ReferralResubmitted = "ReferralResubmitted";
    public const string NationalPanelNotified = "NationalPanelNotified";
    public const string InformationRequested = "InformationRequested";
    public const string ReturnsCompleted = "ReturnsCompleted";
    public const string MeetingScheduled = "MeetingScheduled";
    public const string MeetingHeld = "MeetingHeld";
    public const string MeetingCancelled = "MeetingCancelled";
    public const string MeetingOutcomeRecorded = "MeetingOutcomeRecorded";
    public const string MeetingPapersSent = "MeetingPapersSent";
    public const string MeetingAttendeeAdded = "MeetingAttendeeAdded";
    public const string ReportDrafted = "ReportDrafted";
    public const string ReportVersionAdded = "ReportVersionAdded";
    public const string SignOffRecorded = "SignOffRecorded";
    public const string SignedOff = "SignedOff";
    public const string SignOffDisputed = "SignOffDisputed";
    public const string Submitted = "Submitted";
    public const string AfterwardsStarted = "AfterwardsStarted";
    public const string StepCompleted = "StepCompleted";
    public const string Closed = "Closed";
    public const string DeadlineMoved = "DeadlineMoved";
    public const string ReminderSent = "ReminderSent";
    public const string DeadlineMissed = "DeadlineMissed";
    public const string BusinessManagersNotified = "BusinessManagersNotified";
    public const string ConsultationRecorded = "ConsultationRecorded";
    public const string AwarenessRecorded = "AwarenessRecorded";
    public const string CaseFactorsRecorded = "CaseFactorsRecorded";
}

public sealed record CaseOpened(string CaseCode, string Partnership, string ReferralKind, DateTimeOffset ReceivedAt, DateOnly DayZero, Actor Actor, string Reason);

public sealed record PutToPanel(Actor Actor, string Reason);

public sealed record VoteCast(string Seat, string Outcome, bool ByDeputy, string Rationale, Actor Actor, string Reason);

public sealed record DecisionRecorded(string Outcome, string OutcomeLabel, string DecidedBy, string Rationale, Actor Actor, string Reason);

/// <summary>The rule could not decide. A disagreement the playbook sends to its dispute protocol
/// carries the dispute's deadline and the seats it goes to.</summary>
public sealed record DecisionEscalated(string Reason, Actor Actor, DateTimeOffset? DisputeDueAt = null, IReadOnlyList<string>? DisputeRecipients = null);

/// <summary>The consultation a split majority waits for (e.g. with the Executive Chair / Independent Scrutineer) took place.</summary>
public sealed record ConsultationRecorded(string Seat, string Note, Actor Actor, string Reason);

/// <summary>When the partnership became aware of the incident: the clock's Day 0 where the playbook counts from it.</summary>
public sealed record AwarenessRecorded(DateTimeOffset BecameAwareAt, DateOnly DayZero, Actor Actor, string Reason);

/// <summary>The Case Factors ticked on the referral form (e.g. "Child Suicide"): the form's own labels,
/// never a child's details. A playbook deadline may be in force only with one of them.</summary>
public sealed record CaseFactorsRecorded(IReadOnlyList<string> Factors, Actor Actor, string Reason);

public sealed record ReferralResubmitted(Actor Actor, string Reason);

public sealed record NationalPanelNotified(Actor Actor, string Reason);

public sealed record InformationRequested(IReadOnlyList<string> Agencies, Actor Actor, string Reason);

public sealed record ReturnsCompleted(Actor Actor, string Reason);

/// <summary>The meeting booked or moved; <paramref name="EventId"/> and <paramref name="JoinUrl"/> are the
/// organiser's calendar event and its Teams link when the bot booked it through Graph.</summary>
public sealed record MeetingScheduled(DateTimeOffset MeetingAt, Actor Actor, string Reason, string? EventId = null, string? JoinUrl = null);

/// <summary>The booked meeting was called off; <paramref name="EventId"/> is the cancelled calendar event.</summary>
public sealed record MeetingCancelled(DateTimeOffset WasAt, string? EventId, Actor Actor, string Reason);

/// <summary>The meeting's papers went to its attendees from the partnership mailbox: for the calendar
/// event <paramref name="EventId"/>, with <paramref name="Returns"/> agency returns in them;
/// <paramref name="Updated"/> when papers had gone before and later returns came in. The documents are
/// named by file name only (case code, agency), never a child's details.</summary>
public sealed record MeetingPapersSent(string EventId, DateTimeOffset MeetingAt, int Returns, IReadOnlyList<string> Recipients, IReadOnlyList<string> Documents, bool Updated, string MessageId, Actor Actor, string Reason);

/// <summary>A business manager added someone (e.g. a statutory partner's deputy) to the booked meeting's invitation.</summary>
public sealed record MeetingAttendeeAdded(string EventId, string Address, Actor Actor, string Reason);

/// <summary>What the meeting concluded. <paramref name="ReviewRecommended"/> is one of
/// <see cref="ReviewRecommendations"/>; "yes" starts the deadlines that apply only if a review is decided.
/// <paramref name="Learning"/> is free text and stays on the case, never in a channel or a log.</summary>
public sealed record MeetingOutcomeRecorded(string Learning, string ReviewRecommended, string? LeadReviewer, Actor Actor, string Reason);

/// <summary>Whether the meeting recommends a Local Child Safeguarding Practice Review.</summary>
public static class ReviewRecommendations
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string NeedsMoreInformation = "needs-more-information";

    public static IReadOnlyList<string> All { get; } = [Yes, No, NeedsMoreInformation];

    public static string Describe(string value) => value switch
    {
        Yes => "yes",
        No => "no",
        _ => "needs more information",
    };
}

public sealed record MeetingHeld(IReadOnlyList<string> PartnersPresent, Actor Actor, string Reason);

public sealed record ReportDrafted(Actor Actor, string Reason);

/// <summary>A version of the report was stored (sealed with the case's key, as it names the child):
/// <paramref name="Sha256"/> identifies the file; <paramref name="Source"/> says where it came from.</summary>
public sealed record ReportVersionAdded(int Version, string Sha256, string FileName, long Size, string Source, Actor Actor, string Reason, string? Blob = null);

/// <summary>A seat's answer at sign-off. <paramref name="Version"/> and <paramref name="Sha256"/> name the
/// report version answered on, <paramref name="Comments"/> the comments or the reason for not signing
/// (streams written before versions were signed carry neither).</summary>
public sealed record SignOffRecorded(string Seat, bool Agrees, bool ByDeputy, Actor Actor, string Reason, int? Version = null, string? Sha256 = null, string? Comments = null);

public sealed record SignedOff(Actor Actor, string Reason);

public sealed record SignOffDisputed(Actor Actor, string Reason);

/// <summary>The report went to the National Panel. <paramref name="MessageId"/> is the sent email's
/// internetMessageId, <paramref name="Version"/> and <paramref name="Sha256"/> the report version attached,
/// <paramref name="BeforeSignOffReason"/> the business manager's reason where it went before the sign-off
/// rule was met (streams written before submissions were emailed carry none of these).</summary>
public sealed record Submitted(string To, Actor Actor, string Reason, string? MessageId = null, int? Version = null, string? Sha256 = null, string? BeforeSignOffReason = null);

public sealed record AfterwardsStarted(Actor Actor, string Reason);

public sealed record StepCompleted(string Deadline, Actor Actor, string Reason);

public sealed record Closed(Actor Actor, string Reason);

public sealed record DeadlineMoved(string Deadline, DateTimeOffset OriginalDueAt, DateTimeOffset PreviousDueAt, DateTimeOffset NewDueAt, Actor Actor, string Reason);

/// <summary>A reminder before a deadline or on its day. <paramref name="TimerId"/> makes it happen once.</summary>
public sealed record ReminderSent(string TimerId, string Deadline, string Kind, DateTimeOffset DueAt, Actor Actor, string Reason);

/// <summary>A deadline passed with its step not done: the business managers are told.</summary>
public sealed record DeadlineMissed(string TimerId, string Deadline, string CompletedBy, DateTimeOffset DueAt, Actor Actor, string Reason);

/// <summary>The business managers were told something; the message never carries a child's details.</summary>
public sealed record BusinessManagersNotified(string NotificationId, string Message, Actor Actor, string Reason);
