namespace TeamsReviewBot.Process.Playbooks;

/// <summary>
/// One partnership's Rapid Review rules, read from bot/playbooks/{key}.json. Every section cites the
/// seed rule it encodes (<see cref="ICited.Source"/>) and, where the seed contradicts itself, names
/// the variant it did not take (<see cref="ICited.Variant"/>). No partnership name appears in code.
/// </summary>
public sealed record Playbook
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required CaseCodeRule CaseCode { get; init; }

    public required MailboxRule Mailbox { get; init; }

    public required ClockRule Clock { get; init; }

    public required IReadOnlyList<Seat> Seats { get; init; }

    public required DecisionRule Decision { get; init; }

    public required IReadOnlyList<OutcomeRule> Outcomes { get; init; }

    public required IReadOnlyList<DeadlineRule> Deadlines { get; init; }

    public required InformationRequestRule InformationRequests { get; init; }

    public required MeetingRule Meeting { get; init; }

    public required SignOffRule SignOff { get; init; }

    public required SubmissionRule Submission { get; init; }

    public required IReadOnlyList<AfterwardsRule> Afterwards { get; init; }

    /// <summary>When the draft report is generated from the case and sent to its author and the
    /// business managers, where the partnership's procedure names such a point; null where it does not.</summary>
    public ReportDraftRule? ReportDraft { get; init; }

    /// <summary>When the business managers' morning digest goes out; null means <see cref="DigestRule.DefaultTime"/>.</summary>
    public DigestRule? Digest { get; init; }

    public TimeOnly DigestTime => Digest?.Time ?? DigestRule.DefaultTime;

    /// <summary>Who leads when the child lives in one local authority and the incident happened in
    /// another; null where the partnership's referral form does not name the two.</summary>
    public CrossBoundaryRule? CrossBoundary { get; init; }

    public Seat? FindSeat(string key) => Seats.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));

    public DeadlineRule? FindDeadline(string key) => Deadlines.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.Ordinal));

    public OutcomeRule? FindOutcome(string key) => Outcomes.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.Ordinal));

    public OutcomeRule? OutcomeOfKind(OutcomeKind kind) => Outcomes.FirstOrDefault(o => o.Kind == kind);

    /// <summary>Every value that cites the seed, with the playbook field it sits in.</summary>
    public IEnumerable<(string Field, ICited Value)> CitedValues()
    {
        (string, ICited)[] sections =
        [
            ("caseCode", CaseCode), ("mailbox", Mailbox), ("clock", Clock), ("decision", Decision),
            ("informationRequests", InformationRequests), ("meeting", Meeting), ("signOff", SignOff), ("submission", Submission),
        ];
        var all = sections.AsEnumerable();
        if (Decision.Dispute is { } dispute)
        {
            all = all.Append(("decision.dispute", dispute));
        }

        if (InformationRequests.Sending is { } sending)
        {
            all = all.Append(("informationRequests.sending", sending));
        }

        if (Meeting.SignOffSlot is { } slot)
        {
            all = all.Append(("meeting.signOffSlot", slot));
        }

        if (SignOff.Comments is { } comments)
        {
            all = all.Append(("signOff.comments", comments));
        }

        if (SignOff.ComplianceCheck is { } complianceCheck)
        {
            all = all.Append(("signOff.complianceCheck", complianceCheck));
        }

        if (ReportDraft is { } reportDraft)
        {
            all = all.Append(("reportDraft", reportDraft));
        }

        if (CrossBoundary is { } crossBoundary)
        {
            all = all.Append(("crossBoundary", crossBoundary));
        }

        return all
            .Concat(SignOff.RemindersOrNone.Select((r, i) => ($"signOff.reminders[{i}]", (ICited)r)))
            .Concat(Submission.RemindersOrNone.Select((r, i) => ($"submission.reminders[{i}]", (ICited)r)))
            .Concat(Seats.Select((s, i) => ($"seats[{i}]", (ICited)s)))
            .Concat(Outcomes.Select((o, i) => ($"outcomes[{i}]", (ICited)o)))
            .Concat(Deadlines.Select((d, i) => ($"deadlines[{i}]", (ICited)d)))
            .Concat(Afterwards.Select((a, i) => ($"afterwards[{i}]", (ICited)a)));
    }
}

/// <summary>A playbook value with the seed rule it comes from.</summary>
public interface ICited
{
    /// <summary>The seed rule, e.g. "seed-000 §5, AppC Day 7".</summary>
    string Source { get; }

    /// <summary>Where the seed contradicts itself: the reading not taken, and where it is written.</summary>
    string? Variant { get; }

    /// <summary>Where the seed is silent or contradicts itself and the playbook had to choose: what it does, with the seed lines.</summary>
    string? Choice => null;
}

public sealed record CaseCodeRule(string Prefix, string Source, string? Variant = null) : ICited;

public sealed record MailboxRule(string Address, string Source, IReadOnlyList<string>? Aliases = null, string? Variant = null) : ICited;

/// <summary>
/// What starts the clock and when a late arrival counts from the next working day.
/// <paramref name="DayZero"/> says what event Day 0 is (the referral received, or the notification
/// sent); <paramref name="CutOff"/> is the London time after which it counts from the next working
/// day; <paramref name="WorkingDayEnds"/> is when a deadline with no time of day falls due.
/// <paramref name="WorkingDayOne"/> says whether working day 1 is the day after Day 0 (the default) or
/// Day 0 itself, the day the notification counts as received.
/// </summary>
public sealed record ClockRule(
    string DayZero,
    TimeOnly CutOff,
    TimeOnly WorkingDayStarts,
    TimeOnly WorkingDayEnds,
    string Source,
    string? Variant = null,
    string? Choice = null,
    WorkingDayOne WorkingDayOne = WorkingDayOne.DayAfter) : ICited;

/// <summary>Which day a playbook calls working day 1.</summary>
public enum WorkingDayOne
{
    /// <summary>Working day N is N working days after Day 0 (the national reading: "Day 15" is the 15th working day after the referral).</summary>
    DayAfter,

    /// <summary>Working day 1 is Day 0, the day of notification (or the next working day when it arrived
    /// on a non-working day or after the cut-off); working day N is N − 1 working days after it.</summary>
    NotificationDay,
}

/// <summary>
/// A seat on the deciding body or at sign-off. <paramref name="Partner"/> is the organisation kind it
/// speaks for (local-authority, police, health, independent, business-manager, …); a deputy acting
/// for the seat fills the seat, never a second one.
/// </summary>
public sealed record Seat(
    string Key,
    string Title,
    string Partner,
    bool Statutory,
    bool Votes,
    bool SignsOff,
    bool DeputiesMayAct,
    string Source,
    string? Variant = null) : ICited;
