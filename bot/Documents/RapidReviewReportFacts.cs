namespace TeamsReviewBot.Documents;

/// <summary>
/// Everything the draft Rapid Review report is pre-filled with, already in words (dates the British
/// way, seats by their titles). Built from the case by the report workflow; the document writer
/// only lays it out. <paramref name="Child"/> is null when the case holds no child's details (erased,
/// or never given): the report then says so rather than guessing.
/// </summary>
public sealed record ReportFacts(
    string CaseCode,
    string PartnershipName,
    string PlaybookKey,
    string GeneratedOn,
    ReportChild? Child,
    ReportReferral Referral,
    IReadOnlyList<ReportDeadline> Timetable,
    ReportDecision? Decision,
    IReadOnlyList<ReportAgency> Agencies,
    IReadOnlyList<ChronologyRow> Chronology,
    IReadOnlyList<string> ChronologyNotRead,
    ReportMeeting Meeting,
    IReadOnlyList<string> SignatorySeats,
    IReadOnlyList<string> CaseRecord);

/// <summary>The child as the referral gave them; goes into the document only, never a message.</summary>
public sealed record ReportChild(string Name, string DateOfBirth, string Address);

/// <summary>The referral's facts; <paramref name="DayZeroLabel"/> is what the partnership's procedure calls the day
/// its count starts on, as a field label ("Day 0", or "Working day 1" where the notification day is working day 1).</summary>
public sealed record ReportReferral(
    string Kind,
    string ReceivedAt,
    string DayZeroLabel,
    string DayZero,
    string IncidentCategory,
    string AgeBand,
    string IncidentDate,
    string ReferringOrganisation,
    string NationalPanelNotified);

/// <summary>One deadline of the case's timetable: when it is due, and when it was done if it was.</summary>
public sealed record ReportDeadline(string Name, string DueAt, string Done);

/// <summary>One seat's threshold vote with its rationale.</summary>
public sealed record ReportVote(string Seat, string Voter, bool ByDeputy, string Outcome, string Rationale);

/// <summary>The threshold decision: what was decided, by whom, why, and every seat's vote.</summary>
public sealed record ReportDecision(string Outcome, string DecidedBy, string DecidedAt, string Rationale, IReadOnlyList<ReportVote> Votes);

/// <summary>An agency asked for information: where its request stands and what it returned.</summary>
public sealed record ReportAgency(string Name, string Status, bool Returned, bool NoRecords, IReadOnlyList<string> Files, string? LastReplyAt);

/// <summary>The meeting as recorded on the case. Values not recorded are null.</summary>
public sealed record ReportMeeting(
    string? BookedFor,
    string? HeldAt,
    IReadOnlyList<string> PartnersPresent,
    string? ReviewRecommended,
    string? LeadReviewer,
    string? Learning);
