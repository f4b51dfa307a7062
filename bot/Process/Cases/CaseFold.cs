using TeamsReviewBot.Process.Decisions;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>Folds a case's events into its state: the one fold over the case stream, so every stage
/// decides on the same state. Unknown event types are skipped, so an older service can still read
/// a stream a newer one wrote.</summary>
public sealed partial class CaseFold(PlaybookCatalogue playbooks) : IStreamFold<CaseState>
{
    public CaseState Initial(string streamId) => new() { StreamId = streamId };

    public CaseState Apply(CaseState state, StoredEvent stored)
    {
        var at = stored.OccurredAt;
        var next = stored.Type switch
        {
            CaseEventTypes.CaseOpened => Opened(state, CaseJson.Read<CaseOpened>(stored.Data), at),
            CaseEventTypes.PutToPanel => state with { PutToPanelAt = at, Stage = CaseStage.AwaitingDecision },
            CaseEventTypes.VoteCast => Voted(state, CaseJson.Read<VoteCast>(stored.Data), at),
            CaseEventTypes.DecisionRecorded => Decided(state, CaseJson.Read<DecisionRecorded>(stored.Data), at),
            CaseEventTypes.DecisionEscalated => state with { EscalatedAt = at, Stage = CaseStage.Escalated },
            CaseEventTypes.ReferralResubmitted => state with
            {
                ResubmittedAt = at,
                Votes = state.Votes.Clear(),
                Outcome = null,
                OutcomeKind = null,
                DecidedAt = null,
                EscalatedAt = null,
                ConsultedAt = null,
                Stage = CaseStage.AwaitingDecision,
            },
            CaseEventTypes.NationalPanelNotified => state with { NotifiedAt = at },
            CaseEventTypes.InformationRequested => state with { RequestedAt = at },
            CaseEventTypes.ReturnsCompleted => state with { ReturnsCompleteAt = at },
            CaseEventTypes.MeetingScheduled => Scheduled(state, CaseJson.Read<MeetingScheduled>(stored.Data), at),
            CaseEventTypes.MeetingHeld => state with { MeetingHeldAt = at },
            CaseEventTypes.MeetingOutcomeRecorded => state with { ReviewRecommended = CaseJson.Read<MeetingOutcomeRecorded>(stored.Data).ReviewRecommended },
            CaseEventTypes.MeetingPapersSent => PapersSent(state, CaseJson.Read<MeetingPapersSent>(stored.Data), at),
            CaseEventTypes.MeetingCancelled => state with
            {
                MeetingAt = null,
                MeetingScheduledAt = null,
                MeetingEventId = null,
                MeetingJoinUrl = null,
                MeetingCancellations = state.MeetingCancellations + 1,
            },
            CaseEventTypes.ReportDrafted => state with { ReportDraftedAt = at },
            CaseEventTypes.ReportVersionAdded => VersionAdded(state, CaseJson.Read<ReportVersionAdded>(stored.Data), at),
            CaseEventTypes.SignOffRecorded => SignOff(state, CaseJson.Read<SignOffRecorded>(stored.Data), at),
            CaseEventTypes.SignedOff => state with { SignedOffAt = at, SignOffDisputed = false },
            CaseEventTypes.SignOffDisputed => state with { SignOffDisputed = true },
            CaseEventTypes.Submitted => state with { SubmittedAt = at },
            CaseEventTypes.AfterwardsStarted => state with { AfterwardsAt = at },
            CaseEventTypes.StepCompleted => state with { CompletedSteps = state.CompletedSteps.SetItem(CaseJson.Read<StepCompleted>(stored.Data).Deadline, at) },
            CaseEventTypes.Closed => state with { ClosedAt = at },
            CaseEventTypes.DeadlineMoved => Moved(state, CaseJson.Read<DeadlineMoved>(stored.Data)),
            CaseEventTypes.ReminderSent => state with { RemindersSent = state.RemindersSent.Add(CaseJson.Read<ReminderSent>(stored.Data).TimerId) },
            CaseEventTypes.DeadlineMissed => Missed(state, CaseJson.Read<DeadlineMissed>(stored.Data)),
            CaseEventTypes.ConsultationRecorded => state with { ConsultedAt = at },
            CaseEventTypes.CaseFactorsRecorded => state with { CaseFactors = state.CaseFactors.Union(CaseJson.Read<CaseFactorsRecorded>(stored.Data).Factors) },
            CaseEventTypes.AwarenessRecorded => Aware(state, CaseJson.Read<AwarenessRecorded>(stored.Data)),
            CaseEventTypes.BusinessManagersNotified => state with { Notifications = state.Notifications.Add(CaseJson.Read<BusinessManagersNotified>(stored.Data).NotificationId) },
            _ => state,
        };
        next = ThresholdDecision(next, stored);
        next = Intake(next, stored);
        next = SignOffAnswers(next, stored);
        next = ComplianceChecks(next, stored);
        next = MeetingResponses(next, stored);
        next = SignOffSlot(next, stored);
        next = Submission(next, stored);
        next = PanelReply(next, stored);
        next = Afterwards(next, stored);
        next = BusinessManagersDay(next, stored);
        next = InformationRequests(next, stored);
        next = CrossBoundary(next, stored);
        return next with { Stage = StageOf(next) };
    }

    private static CaseState Opened(CaseState state, CaseOpened e, DateTimeOffset at) => state with
    {
        Exists = true,
        CaseCode = e.CaseCode,
        Partnership = e.Partnership,
        ReferralKind = e.ReferralKind,
        ReceivedAt = e.ReceivedAt,
        DayZero = e.DayZero,
        OpenedAt = at,
        Stage = CaseStage.Referred,
    };

    private static CaseState Aware(CaseState state, AwarenessRecorded e) => state with { BecameAwareAt = e.BecameAwareAt, DayZero = e.DayZero };

    private static CaseState Voted(CaseState state, VoteCast e, DateTimeOffset at) =>
        state with { Votes = state.Votes.SetItem(e.Seat, new Vote(e.Seat, e.Outcome, e.ByDeputy, at)) };

    private CaseState Decided(CaseState state, DecisionRecorded e, DateTimeOffset at)
    {
        var kind = playbooks.Find(state.Partnership)?.FindOutcome(e.Outcome)?.Kind;
        return state with { Outcome = e.Outcome, OutcomeKind = kind, DecidedAt = at };
    }

    private static CaseState SignOff(CaseState state, SignOffRecorded e, DateTimeOffset at) =>
        state with { SignOffs = state.SignOffs.SetItem(e.Seat, new SignOffEntry(e.Seat, e.Agrees, e.ByDeputy, at)) };

    private static CaseState VersionAdded(CaseState state, ReportVersionAdded e, DateTimeOffset at) =>
        state with { ReportVersions = state.ReportVersions.Add(new ReportVersion(e.Version, e.Sha256, e.FileName, e.Size, e.Source, at, e.Blob)) };

    private static CaseState Scheduled(CaseState state, MeetingScheduled e, DateTimeOffset at) => state with
    {
        MeetingScheduledAt = state.MeetingScheduledAt ?? at,
        MeetingAt = e.MeetingAt,
        MeetingEventId = e.EventId ?? state.MeetingEventId,
        MeetingJoinUrl = e.JoinUrl ?? state.MeetingJoinUrl,
    };

    private static CaseState PapersSent(CaseState state, MeetingPapersSent e, DateTimeOffset at) => state with
    {
        MeetingPapersEventId = e.EventId,
        MeetingPapersReturns = e.Returns,
        MeetingPapersSentAt = at,
    };

    private static CaseState Moved(CaseState state, DeadlineMoved e) =>
        state with { Moves = state.Moves.SetItem(e.Deadline, new DeadlineMove(e.OriginalDueAt, e.NewDueAt, e.Reason)) };

    private static CaseState Missed(CaseState state, DeadlineMissed e) => state with
    {
        RemindersSent = state.RemindersSent.Add(e.TimerId),
        ReturnsOverdue = state.ReturnsOverdue || (e.CompletedBy == Milestones.ReturnsComplete && state.ReturnsCompleteAt is null),
    };

    /// <summary>The stage follows from what has happened: the furthest step reached counts.</summary>
    internal static CaseStage StageOf(CaseState s)
    {
        if (!s.Exists)
        {
            return CaseStage.Referred;
        }

        if (s.ClosedAt is not null)
        {
            return CaseStage.Closed;
        }

        if (s.OutcomeKind is null)
        {
            return s.EscalatedAt is not null ? CaseStage.Escalated
                : s.PutToPanelAt is not null || s.ResubmittedAt is not null ? CaseStage.AwaitingDecision
                : CaseStage.Referred;
        }

        return s.OutcomeKind switch
        {
            OutcomeKind.NoFurtherAction => CaseStage.NoFurtherAction,
            OutcomeKind.OtherLearning => s.AfterwardsAt is not null ? CaseStage.Afterwards : CaseStage.OtherLearningRoute,
            OutcomeKind.IncompleteReferral => CaseStage.IncompleteResubmissionDue,
            OutcomeKind.Escalation => CaseStage.Escalated,
            _ => RapidReviewStage(s),
        };
    }

    private static CaseStage RapidReviewStage(CaseState s) =>
        s.AfterwardsAt is not null ? CaseStage.Afterwards
        : s.SubmittedAt is not null ? CaseStage.Submitted
        : s.SignedOffAt is not null ? CaseStage.SignedOff
        : s.ReportDraftedAt is not null ? CaseStage.ReportDrafted
        : s.MeetingHeldAt is not null ? CaseStage.MeetingHeld
        : s.MeetingAt is not null && (s.ReturnsCompleteAt is not null || s.ReturnsOverdue) ? CaseStage.MeetingScheduled
        : s.ReturnsCompleteAt is not null ? CaseStage.ReturnsComplete
        : s.ReturnsOverdue ? CaseStage.ReturnsOverdue
        : s.RequestedAt is not null ? CaseStage.InformationRequested
        : s.NotifiedAt is not null ? CaseStage.NationalPanelNotified
        : CaseStage.RapidReview;
}
