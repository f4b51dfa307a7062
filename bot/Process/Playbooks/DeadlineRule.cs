namespace TeamsReviewBot.Process.Playbooks;

/// <summary>
/// How far a deadline is from its anchor. Exactly one of the amounts is set. Working days count in
/// the working-day calendar; hours count on the clock; calendar days, weeks and months count on the
/// calendar and then move onto a working day (<see cref="Roll"/>).
/// </summary>
public sealed record Offset(int? WorkingDays = null, int? Hours = null, int? CalendarDays = null, int? Weeks = null, int? Months = null, string? Roll = null)
{
    public bool RollsBack => string.Equals(Roll, "previous-working-day", StringComparison.Ordinal);
}

/// <summary>
/// One deadline of the timetable. <paramref name="Anchor"/> is "day0", "received" (the instant of
/// receipt), <see cref="NationalPanelExpects"/> (the date the National Panel's email says it expects
/// the partnership's response; in force only once recorded) or another deadline's key (that step's actual date once it happened, its planned date
/// before). <paramref name="Earliest"/> opens a window (e.g. a meeting on Day 10–11); <paramref name="Due"/>
/// closes it. <paramref name="CompletedBy"/> is the case milestone that meets it, or "step" when the
/// business manager marks this deadline itself done. <paramref name="AppliesWhen"/> limits it to a
/// decision outcome; <paramref name="Condition"/> marks a deadline that only applies if something
/// later is decided (it is shown, not chased). <paramref name="CaseFactor"/> names the referral form's
/// Case Factor that puts a conditional deadline in force (e.g. "Child Suicide" for Oldham's Brief
/// Learning Review): ticked, it is chased. <paramref name="NotLaterThan"/> caps it at another deadline.
/// <paramref name="Owner"/> names the seat whose holder does a hand-marked step (Gloucestershire's
/// Independent Chair compiles the key event chronology, seed-004 L129): such a step is chased, its
/// reminders go to that person, and its miss to the business managers.
/// </summary>
public sealed record DeadlineRule(
    string Key,
    string Name,
    string Anchor,
    Offset Due,
    string CompletedBy,
    string Source,
    Offset? Earliest = null,
    TimeOnly? Time = null,
    OutcomeKind? AppliesWhen = null,
    string? Condition = null,
    string? NotLaterThan = null,
    string? Variant = null,
    string? Choice = null,
    string? CaseFactor = null,
    string? Owner = null) : ICited
{
    /// <summary>The anchor of a deadline set by the National Panel's "Serious Incident logged" email (seed-004 L130).</summary>
    public const string NationalPanelExpects = "national-panel-expects";
}

/// <summary>The case milestones a deadline can be completed by.</summary>
public static class Milestones
{
    public const string PutToPanel = "put-to-panel";
    public const string Decision = "decision";
    public const string Resubmitted = "resubmitted";
    public const string NationalPanelNotified = "national-panel-notified";
    public const string InformationRequested = "information-requested";
    public const string ReturnsComplete = "returns-complete";
    public const string MeetingScheduled = "meeting-scheduled";
    public const string MeetingHeld = "meeting-held";
    public const string ReportDrafted = "report-drafted";
    public const string SignedOff = "signed-off";
    public const string Submitted = "submitted";
    public const string Step = "step";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PutToPanel, Decision, Resubmitted, NationalPanelNotified, InformationRequested, ReturnsComplete, MeetingScheduled,
        MeetingHeld, ReportDrafted, SignedOff, Submitted, Step,
    };
}
