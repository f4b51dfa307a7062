using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Work a case owes beyond its index row and timers that its follow-up row carries (what follows a
/// threshold decision, for instance): the row written with the event stays until every step owed by
/// the case as it stands is done, so a step cut short by a crash or a timeout is done after the
/// restart. A step records itself on the case stream, so the case says when it is no longer owed.
/// </summary>
public interface ICaseFollowUpStep
{
    /// <summary>Whether the case as it stands still owes this step.</summary>
    bool IsOwed(CaseState state);

    /// <summary>Carries the step out; it checks the stream again and skips what is recorded.</summary>
    Task CarryOutAsync(CaseState state, CancellationToken cancellationToken);
}
