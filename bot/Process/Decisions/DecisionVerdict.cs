namespace TeamsReviewBot.Process.Decisions;

/// <summary>What the votes so far amount to.</summary>
public abstract record DecisionVerdict(string Explanation)
{
    /// <summary>Not decided yet and nothing is wrong: more votes can still come in time.</summary>
    public sealed record Undetermined(string Explanation) : DecisionVerdict(Explanation);

    /// <summary>The rule gives <paramref name="Outcome"/>; <see cref="DecisionVerdict.Explanation"/> says why.</summary>
    public sealed record Decided(string Outcome, string Explanation) : DecisionVerdict(Explanation);

    /// <summary>
    /// The rule cannot decide (a tie, no quorum in time): someone must resolve it. <paramref name="IsDispute"/>
    /// marks a disagreement the playbook sends to its dispute protocol.
    /// </summary>
    public sealed record Escalate(string Explanation, bool IsDispute = false) : DecisionVerdict(Explanation);
}
