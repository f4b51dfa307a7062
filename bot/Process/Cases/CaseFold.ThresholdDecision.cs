using System.Collections.Immutable;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>The threshold decision's and intake's records on the case stream, folded beside the lifecycle.</summary>
public sealed partial class CaseFold
{
    private static CaseState ThresholdDecision(CaseState next, StoredEvent stored)
    {
        switch (stored.Type)
        {
            case PanelEventTypes.ReferralRecorded:
                return next with { Referral = CaseJson.Read<ReferralRecorded>(stored.Data) };
            case IntakeEventTypes.ReferralReceived when next.Referral is null:
                // A referral that came by email: intake recorded it; the panel reads what it can show.
                return next with { Referral = IntakeReferralReading.Read(stored.Data, next.ReceivedAt) };
            case PanelEventTypes.PanelThreadOpened:
                return next with { Thread = CaseJson.Read<PanelThreadOpened>(stored.Data) };
            case PanelEventTypes.ThresholdQuestionsAnswered:
                var answered = CaseJson.Read<ThresholdQuestionsAnswered>(stored.Data);
                return next with { PendingAnswers = next.PendingAnswers.SetItem(answered.Seat, answered.Answers.ToImmutableDictionary(StringComparer.Ordinal)) };
            case CaseEventTypes.VoteCast:
                var vote = CaseJson.Read<VoteCast>(stored.Data);
                var answers = next.PendingAnswers.TryGetValue(vote.Seat, out var a) ? a : ImmutableDictionary<string, string>.Empty;
                return next with
                {
                    SeatVotes = next.SeatVotes.SetItem(vote.Seat, new SeatVote(vote.Seat, vote.Outcome, vote.Rationale, vote.ByDeputy, vote.Actor.Name, vote.Actor.ObjectId, stored.OccurredAt, answers)),
                    PendingAnswers = next.PendingAnswers.Remove(vote.Seat),
                };
            case CaseEventTypes.DecisionRecorded:
                return next with { Decision = CaseJson.Read<DecisionRecorded>(stored.Data), Escalation = null };
            case CaseEventTypes.DecisionEscalated:
                return next with { Escalation = CaseJson.Read<DecisionEscalated>(stored.Data).Reason };
            case CaseEventTypes.ReferralResubmitted:
                return next with { SeatVotes = ImmutableDictionary<string, SeatVote>.Empty, Decision = null, Escalation = null, ReferrerInformed = null };
            case PanelEventTypes.ReferralViewed:
                return next with { ReferralViews = next.ReferralViews + 1 };
            case PanelEventTypes.CardActionRefused:
                return next with { Refusals = next.Refusals + 1 };
            case PanelEventTypes.ReferrerInformed:
                return next with { ReferrerInformed = CaseJson.Read<ReferrerInformed>(stored.Data) };
            default:
                return next;
        }
    }

    private static CaseState Intake(CaseState next, StoredEvent stored) => stored.Type switch
    {
        IntakeEventTypes.ReferralReceived => CaseJson.Read<ReferralReceived>(stored.Data).InternetMessageId is { } id
            ? next with { ReferralReceived = true, ReferralMessages = next.ReferralMessages.Add(id) }
            : next with { ReferralReceived = true },
        IntakeEventTypes.ReferrerAcknowledged => next with { ReferrerAcknowledged = true },
        IntakeEventTypes.NationalPanelResponseExpected => CaseJson.Read<NationalPanelResponseExpected>(stored.Data) is var e
            ? next with
            {
                NationalPanelResponseExpected = e.ExpectedResponseDate,
                PanelResponseMessages = next.PanelResponseMessages.Add(e.InternetMessageId),
            }
            : next,
        _ => next,
    };
}
