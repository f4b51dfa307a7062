namespace TeamsReviewBot.Process.Playbooks;

/// <summary>How the threshold decision is taken.</summary>
public enum DecisionMethod
{
    /// <summary>
    /// The votes cast must agree. A disagreement is recorded as a dispute at once where the playbook
    /// has a <see cref="DecisionRule.Dispute"/> route; otherwise the decision waits for agreement until
    /// the window passes (<see cref="DecisionRule.OnDisagreement"/>).
    /// </summary>
    Unanimous,

    /// <summary>
    /// More than half the votes cast decide, once the quorum has voted; a tie is a disagreement. With
    /// <see cref="DecisionRule.QuorumDecidesAtOnce"/>, a quorum of agreeing votes decides without
    /// waiting for the other seats; with <see cref="DecisionRule.MajorityAfterConsultationWith"/>, a
    /// majority over a dissent decides only once that consultation is recorded.
    /// </summary>
    MajorityWithQuorum,

    /// <summary>Agreement decides; any split means the case proceeds to <see cref="DecisionRule.ProceedOnSplit"/>.</summary>
    SplitProceeds,
}

/// <summary>A window in hours (from the moment of receipt) or working days (from Day 0).</summary>
public sealed record Window(int? Hours = null, int? WorkingDays = null);

public sealed record DecisionRule(
    DecisionMethod Method,
    int Quorum,
    Window Window,
    string OnDisagreement,
    string WhenWindowPasses,
    string Source,
    string? ProceedOnSplit = null,
    IReadOnlyList<string>? BusinessManagerMayDecideAlone = null,
    IReadOnlyList<string>? NoVoteFor = null,
    bool QuorumDecidesAtOnce = false,
    string? MajorityAfterConsultationWith = null,
    DisputeRule? Dispute = null,
    string? Variant = null,
    string? Choice = null) : ICited;

/// <summary>
/// Where the seed sends a disagreement of the deciding body to a named protocol: the disagreement is
/// recorded as a dispute, due by the deadline <paramref name="DueBy"/>, and goes to the seats in
/// <paramref name="Recipients"/>.
/// </summary>
public sealed record DisputeRule(
    string Name,
    string DueBy,
    IReadOnlyList<string> Recipients,
    string Source,
    string? Variant = null,
    string? Choice = null) : ICited;

/// <summary>What an outcome is, whatever the partnership calls it.</summary>
public enum OutcomeKind
{
    RapidReview,
    NoFurtherAction,
    OtherLearning,
    IncompleteReferral,
    Escalation,
}

/// <summary>
/// An outcome, what it sets in motion, and whether a rationale must be recorded. The panel may
/// choose it on the vote card unless <paramref name="PanelChooses"/> says otherwise; by default an
/// escalation is what the rule does when it cannot decide, not a choice.
/// </summary>
public sealed record OutcomeRule(
    string Key,
    string Label,
    OutcomeKind Kind,
    bool RationaleRequired,
    IReadOnlyList<string> SetsInMotion,
    string Source,
    bool? PanelChooses = null,
    string? Variant = null,
    string? Choice = null) : ICited
{
    public bool IsPanelChoice => PanelChooses ?? Kind != OutcomeKind.Escalation;
}
