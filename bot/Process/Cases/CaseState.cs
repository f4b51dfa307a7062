using System.Collections.Immutable;
using TeamsReviewBot.Process.Decisions;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;

namespace TeamsReviewBot.Process.Cases;

/// <summary>A move of a deadline by a business manager: the date the rule gave, and the one it has now.</summary>
public sealed record DeadlineMove(DateTimeOffset OriginalDueAt, DateTimeOffset DueAt, string Reason);

/// <summary>
/// A case as its events have made it. Immutable: every event gives a new state. Times are the
/// instants the events were recorded (or, for the meeting, when it is booked for).
/// </summary>
public sealed partial record CaseState
{
    public required string StreamId { get; init; }

    public bool Exists { get; init; }

    public string CaseCode { get; init; } = string.Empty;

    public string Partnership { get; init; } = string.Empty;

    public string ReferralKind { get; init; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; init; }

    public DateOnly DayZero { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public CaseStage Stage { get; init; } = CaseStage.Referred;

    public DateTimeOffset? PutToPanelAt { get; init; }

    public ImmutableDictionary<string, Vote> Votes { get; init; } = ImmutableDictionary<string, Vote>.Empty;

    public string? Outcome { get; init; }

    public OutcomeKind? OutcomeKind { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>When the consultation a split majority waits for was recorded.</summary>
    public DateTimeOffset? ConsultedAt { get; init; }

    /// <summary>When the business manager says the partnership became aware of the incident, if they said.</summary>
    public DateTimeOffset? BecameAwareAt { get; init; }

    /// <summary>The instant the playbook's clock counts from: awareness where recorded, else receipt.</summary>
    public DateTimeOffset ClockStartsAt => BecameAwareAt ?? ReceivedAt;

    /// <summary>The Case Factors ticked on the referral form, as the form labels them.</summary>
    public ImmutableHashSet<string> CaseFactors { get; init; } = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a conditional deadline is in force: the review it depends on was decided, or
    /// the Case Factor it depends on was ticked (and the meeting did not decide on a review instead).</summary>
    public bool InForce(DeadlineRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Anchor == DeadlineRule.NationalPanelExpects ? NationalPanelResponseExpected is not null
            : rule.Condition is null
            || (rule.CaseFactor is { } factor ? CaseFactors.Contains(factor) && !ReviewDecided : ReviewDecided);
    }

    public DateTimeOffset? ResubmittedAt { get; init; }

    public DateTimeOffset? NotifiedAt { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }

    public DateTimeOffset? ReturnsCompleteAt { get; init; }

    public bool ReturnsOverdue { get; init; }

    public DateTimeOffset? MeetingScheduledAt { get; init; }

    public DateTimeOffset? MeetingAt { get; init; }

    /// <summary>The organiser's calendar event for the meeting, when the bot booked it.</summary>
    public string? MeetingEventId { get; init; }

    public string? MeetingJoinUrl { get; init; }

    /// <summary>How many booked meetings were cancelled; the next booking is a new calendar event.</summary>
    public int MeetingCancellations { get; init; }

    /// <summary>The calendar event the meeting's papers last went out for, how many agency returns they
    /// held, and when: a cancelled meeting's papers are not this meeting's.</summary>
    public string? MeetingPapersEventId { get; init; }

    public int MeetingPapersReturns { get; init; }

    public DateTimeOffset? MeetingPapersSentAt { get; init; }

    /// <summary>The meeting's recommendation on a practice review, once its outcome is recorded.</summary>
    public string? ReviewRecommended { get; init; }

    /// <summary>A review was decided at the meeting: the deadlines that apply only then are in force.</summary>
    public bool ReviewDecided => ReviewRecommended == ReviewRecommendations.Yes;

    public DateTimeOffset? MeetingHeldAt { get; init; }

    public DateTimeOffset? ReportDraftedAt { get; init; }

    /// <summary>The report's versions, oldest first; the last is the current one.</summary>
    public ImmutableList<ReportVersion> ReportVersions { get; init; } = [];

    public ReportVersion? CurrentReportVersion => ReportVersions.IsEmpty ? null : ReportVersions[^1];

    public ImmutableDictionary<string, SignOffEntry> SignOffs { get; init; } = ImmutableDictionary<string, SignOffEntry>.Empty;

    public bool SignOffDisputed { get; init; }

    public DateTimeOffset? SignedOffAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? AfterwardsAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public ImmutableDictionary<string, DateTimeOffset> CompletedSteps { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    public ImmutableDictionary<string, DeadlineMove> Moves { get; init; } = ImmutableDictionary<string, DeadlineMove>.Empty;

    /// <summary>Reminder and escalation timer ids already acted on.</summary>
    public ImmutableHashSet<string> RemindersSent { get; init; } = ImmutableHashSet<string>.Empty;

    public ImmutableHashSet<string> Notifications { get; init; } = ImmutableHashSet<string>.Empty;

    public bool IsClosed => ClosedAt is not null;

    /// <summary>When the step a milestone stands for happened on this case, if it has.</summary>
    public DateTimeOffset? MilestoneAt(string milestone, string deadlineKey) => milestone switch
    {
        Milestones.PutToPanel => PutToPanelAt,
        Milestones.Decision => DecidedAt,
        Milestones.Resubmitted => ResubmittedAt,
        Milestones.NationalPanelNotified => NotifiedAt,
        Milestones.InformationRequested => RequestedAt,
        Milestones.ReturnsComplete => ReturnsCompleteAt,
        Milestones.MeetingScheduled => MeetingScheduledAt,
        Milestones.MeetingHeld => MeetingHeldAt,
        Milestones.ReportDrafted => ReportDraftedAt,
        Milestones.SignedOff => SignedOffAt,
        Milestones.Submitted => SubmittedAt,
        Milestones.Step => CompletedSteps.TryGetValue(deadlineKey, out var at) ? at : null,
        _ => null,
    };
}
