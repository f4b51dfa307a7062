using System.Collections.Immutable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>What the threshold decision and mail intake record on a case, beside its lifecycle:
/// the referral as the panel may show it, the panel's thread, each seat's vote with its rationale
/// and answers, the decision's explanation, and what intake has already recorded.</summary>
public sealed partial record CaseState
{
    /// <summary>The referral as the panel may show it (the child's details are sealed apart).</summary>
    public ReferralRecorded? Referral { get; init; }

    /// <summary>Where the case's panel thread lives, once posted.</summary>
    public PanelThreadOpened? Thread { get; init; }

    /// <summary>Each seat's latest vote with who cast it, their rationale and their answers.</summary>
    public ImmutableDictionary<string, SeatVote> SeatVotes { get; init; } = ImmutableDictionary<string, SeatVote>.Empty;

    /// <summary>Answers recorded just before the seat's next vote event.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> PendingAnswers { get; init; } = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty;

    public DecisionRecorded? Decision { get; init; }

    /// <summary>Why the decision was escalated, while it stands escalated.</summary>
    public string? Escalation { get; init; }

    public ReferrerInformed? ReferrerInformed { get; init; }

    public int ReferralViews { get; init; }

    public int Refusals { get; init; }

    /// <summary>Whether the referral (by email) is on the case: a case opened by hand has <see cref="Referral"/> instead.</summary>
    public bool ReferralReceived { get; init; }

    /// <summary>The internetMessageIds of the emails whose referral is recorded on the case.</summary>
    public ImmutableHashSet<string> ReferralMessages { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The referrer was sent the acknowledgement with the case code.</summary>
    public bool ReferrerAcknowledged { get; init; }

    /// <summary>The date the National Panel said it expects the partnership's response by (a deadline, panel-expected-response), and the messages that said so.</summary>
    public DateOnly? NationalPanelResponseExpected { get; init; }

    public ImmutableHashSet<string> PanelResponseMessages { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
}
