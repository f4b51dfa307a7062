using System.Collections.Immutable;
using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>One seat's vote as the panel shows it: who cast it, with what rationale and answers.</summary>
public sealed record SeatVote(string Seat, string Outcome, string Rationale, bool ByDeputy, string VoterName, string VoterObjectId, DateTimeOffset At, ImmutableDictionary<string, string> Answers);

/// <summary>
/// A case as the threshold decision sees it: the process's <see cref="CaseState"/> plus the panel's
/// facts (the referral summary, the thread, each seat's rationale, the decision's explanation).
/// Immutable, folded from the one case stream.
/// </summary>
public sealed record PanelCase
{
    public required CaseState Case { get; init; }

    public ReferralRecorded? Referral { get; init; }

    public PanelThreadOpened? Thread { get; init; }

    public ImmutableDictionary<string, SeatVote> Votes { get; init; } = ImmutableDictionary<string, SeatVote>.Empty;

    /// <summary>Answers recorded just before the seat's next vote event.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> PendingAnswers { get; init; } = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty;

    public DecisionRecorded? Decision { get; init; }

    public string? Escalation { get; init; }

    public ReferrerInformed? ReferrerInformed { get; init; }

    public int ReferralViews { get; init; }

    public int Refusals { get; init; }
}

/// <summary>Folds the case stream into a <see cref="PanelCase"/>, delegating the process's events to its own fold.</summary>
public sealed class PanelCaseFold(CaseFold caseFold) : TeamsReviewBot.Storage.IStreamFold<PanelCase>
{
    public PanelCase Initial(string streamId) => new() { Case = caseFold.Initial(streamId) };

    public PanelCase Apply(PanelCase state, TeamsReviewBot.Storage.StoredEvent stored)
    {
        var next = state with { Case = caseFold.Apply(state.Case, stored) };
        switch (stored.Type)
        {
            case PanelEventTypes.ReferralRecorded:
                return next with { Referral = CaseJson.Read<ReferralRecorded>(stored.Data) };
            case IntakeReferralReading.EventType when next.Referral is null:
                // A referral that came by email: mail intake recorded it; the panel reads what it can show.
                return next with { Referral = IntakeReferralReading.Read(stored.Data, next.Case.ReceivedAt) };
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
                    Votes = next.Votes.SetItem(vote.Seat, new SeatVote(vote.Seat, vote.Outcome, vote.Rationale, vote.ByDeputy, vote.Actor.Name, vote.Actor.ObjectId, stored.OccurredAt, answers)),
                    PendingAnswers = next.PendingAnswers.Remove(vote.Seat),
                };
            case CaseEventTypes.DecisionRecorded:
                return next with { Decision = CaseJson.Read<DecisionRecorded>(stored.Data), Escalation = null };
            case CaseEventTypes.DecisionEscalated:
                return next with { Escalation = CaseJson.Read<DecisionEscalated>(stored.Data).Reason };
            case CaseEventTypes.ReferralResubmitted:
                return next with { Votes = ImmutableDictionary<string, SeatVote>.Empty, Decision = null, Escalation = null, ReferrerInformed = null };
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
}
