using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// What follows a threshold decision or escalation (the card edit, the referrer's letter, the
/// business managers' notice) as a step of the case's follow-up row: the row is written in the same
/// transaction as the decision, and stays until <see cref="DecisionFollowUp"/> has recorded its last
/// step, so it is done exactly once after a timeout, a crash or a restart. The decision window's
/// timer, with nothing left to decide, goes in the reconcile that comes before the steps, in the
/// same transaction as the case's other timer changes.
/// </summary>
public sealed class DecisionFollowUpStep(IServiceProvider services, PendingFollowUps pending) : ICaseFollowUpStep
{
    public bool IsOwed(CaseState state) => DecisionFollowUp.IsOwed(state);

    public async Task CarryOutAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        pending.Owed(state.CaseCode);

        // Resolved when used: the follow-up writes through CaseService, which holds the steps.
        await services.GetRequiredService<DecisionFollowUp>().RunAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        pending.Done(state.CaseCode);
    }
}
