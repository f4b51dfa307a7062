using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// What follows a threshold decision or escalation (the card edit, the referrer's letter, the
/// business managers' notice) as a step of the case's follow-up row: the row is written in the same
/// transaction as the decision, and stays until <see cref="DecisionFollowUp"/> has recorded its last
/// step, so it is done exactly once after a timeout, a crash or a restart. The decision window's
/// timer has nothing left to decide and is cancelled here too, after the reply.
/// </summary>
public sealed class DecisionFollowUpStep(IServiceProvider services, DurableTimerStore timers, PendingFollowUps pending) : ICaseFollowUpStep
{
    public bool IsOwed(CaseState state) => DecisionFollowUp.IsOwed(state);

    public async Task CarryOutAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        pending.Owed(state.CaseCode);
        await timers.CancelAsync(state.CaseCode, DecisionWindow.TimerId(state.CaseCode), cancellationToken).ConfigureAwait(false);

        // Resolved when used: the follow-up writes through CaseService, which holds the steps.
        await services.GetRequiredService<DecisionFollowUp>().RunAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        pending.Done(state.CaseCode);
    }
}
