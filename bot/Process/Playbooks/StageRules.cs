namespace TeamsReviewBot.Process.Playbooks;

/// <summary>Information requests: which deadlines send and return them, when they go out
/// (<paramref name="Sending"/>: on the send day or as soon as the business manager sends them), the
/// templates named by the seed, the records-securing request, and where replies go.</summary>
public sealed record InformationRequestRule(
    string SendBy,
    string ReturnsDue,
    IReadOnlyList<string> Templates,
    bool NoRecordsIsValidReply,
    string ReturnTo,
    string Source,
    string? RecordsSecuringRequest = null,
    string? Variant = null,
    RequestSendingRule? Sending = null) : ICited
{
    /// <summary>When the requests go out; the validator makes every playbook say so.</summary>
    public RequestsGoOut GoOut => Sending?.When ?? RequestsGoOut.SendDay;
}

/// <summary>The review meeting: its deadline, and its quorum (at least one representative of each partner
/// listed). <paramref name="ProposeWithRequests"/>: the seed sets the meeting when the information
/// requests go out (Tameside's Day 3 invite, Salford's date set with the requests).
/// <paramref name="SignOffSlot"/>: diary time booked for the sign-off's decision makers after the
/// meeting, where the seed asks for it (Salford).</summary>
public sealed record MeetingRule(
    string Deadline,
    IReadOnlyList<string> QuorumPartners,
    string Source,
    string? Papers = null,
    string? Variant = null,
    IReadOnlyList<string>? Agenda = null,
    bool ProposeWithRequests = false,
    SignOffSlotRule? SignOffSlot = null) : ICited;

/// <summary>A slot of <paramref name="Minutes"/> in the diaries of the people who sign the report off,
/// booked with the meeting, after it and by the day the sign-off is due (e.g. Salford: "a time in the
/// Decision Makers … diary after the case discussion meeting to sign off the report").</summary>
public sealed record SignOffSlotRule(int Minutes, string Source, string? Variant = null, string? Choice = null) : ICited;

/// <summary>
/// Sign-off: <paramref name="Required"/> of the seats in <paramref name="Seats"/> (a deputy may sign
/// for a seat that allows deputies); an independent endorsement that is "required", "optional" or
/// "none"; and an alternative sole signatory where the seed allows one.
/// </summary>
public sealed record SignOffRule(
    int Required,
    IReadOnlyList<string> Seats,
    string IndependentEndorsement,
    string Deadline,
    string OnDisagreement,
    string Source,
    string? IndependentSeat = null,
    string? AlternativeSoleSignatory = null,
    string? Variant = null,
    string? Choice = null,
    IReadOnlyList<SignOffReminderRule>? Reminders = null,
    CommentWindowRule? Comments = null,
    ComplianceCheckRule? ComplianceCheck = null) : ICited
{
    /// <summary>The reminders to the seats still to answer, earliest first; none when the playbook names none.</summary>
    public IReadOnlyList<SignOffReminderRule> RemindersOrNone => Reminders ?? [];
}

/// <summary>When the panel comments on the report: from the earliest day of the named deadline (or,
/// when it has none, from the report's first version) until that deadline is due (e.g. Oldham: the
/// report "sent to Rapid Review panel for comments", Day 11–13).</summary>
public sealed record CommentWindowRule(string Deadline, string Source, string? Variant = null, string? Choice = null) : ICited;

/// <summary>A reminder to the seats still to sign: on the working day <paramref name="WorkingDaysBefore"/>
/// the sign-off deadline's day, at <paramref name="Time"/> London time (e.g. Oldham: the morning of
/// the last day, and 2 pm before the 4 pm cut-off).</summary>
public sealed record SignOffReminderRule(int WorkingDaysBefore, TimeOnly Time, string Source, string? Variant = null, string? Choice = null) : ICited;

/// <summary>The National Panel's address and the deadline the submission answers; <paramref name="Reminders"/>
/// are the countdown's extra reminders to the business managers until the report is submitted (e.g.
/// Oldham: the morning of Day 15 and 2 pm before the 4 pm cut-off), beside the deadline's ordinary ones.</summary>
public sealed record SubmissionRule(string Address, string Deadline, string Source, string? Variant = null, IReadOnlyList<SignOffReminderRule>? Reminders = null) : ICited
{
    public IReadOnlyList<SignOffReminderRule> RemindersOrNone => Reminders ?? [];
}

/// <summary>A step after the review, with the deadline key that times it (if the seed gives one).</summary>
public sealed record AfterwardsRule(string Key, string Description, string Source, string? Deadline = null, string? Variant = null, string? Choice = null) : ICited;

/// <summary>The working day after Day 0, and the London time on it, when the draft report is
/// generated from the case for its author (e.g. Oldham Day 8, when the Business Co-ordinator starts
/// to populate the template from the agencies' summaries).</summary>
public sealed record ReportDraftRule(int WorkingDay, TimeOnly Time, string Source, string? Variant = null) : ICited;
