namespace TeamsReviewBot.Process.Playbooks;

/// <summary>How the threshold decision is taken.</summary>
public enum DecisionMethod
{
    /// <summary>Every vote cast must agree; any disagreement goes to <see cref="DecisionRule.OnDisagreement"/>.</summary>
    Unanimous,

    /// <summary>More than half the votes cast decide, once the quorum has voted; a tie is a disagreement.</summary>
    MajorityWithQuorum,

    /// <summary>Agreement decides; any split means the case proceeds to <see cref="DecisionRule.ProceedOnSplit"/>.</summary>
    SplitProceeds,

    /// <summary>The partners are consulted; where they disagree the local authority's vote decides.</summary>
    LocalAuthorityFinalSay,
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
    string? Variant = null) : ICited;

/// <summary>What an outcome is, whatever the partnership calls it.</summary>
public enum OutcomeKind
{
    RapidReview,
    NoFurtherAction,
    OtherLearning,
    IncompleteReferral,
    Escalation,
}

/// <summary>An outcome the deciding body may choose, what it sets in motion, and whether a rationale must be recorded.</summary>
public sealed record OutcomeRule(
    string Key,
    string Label,
    OutcomeKind Kind,
    bool RationaleRequired,
    IReadOnlyList<string> SetsInMotion,
    string Source,
    string? Variant = null) : ICited;
