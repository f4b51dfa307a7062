using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.Outbound;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Starts the case's follow-up now when the case as an append left it owes a step
/// (<see cref="ICaseFollowUpStep.IsOwed"/>). As deployed the append has already queued it for the
/// follow-up worker, so this does nothing; where appends follow up before returning, the follow-up
/// row is left for its steps and this runs it in the background queue rather than waiting for the
/// next sweep. The row is what makes the step owed either way: this only makes it prompt.
/// </summary>
public sealed class CaseFollowUpSoon(CaseService cases, CaseFollowUpWorker worker, IEnumerable<ICaseFollowUpStep> steps, OutboundWorker background)
{
    private readonly ICaseFollowUpStep[] _steps = [.. steps];

    public async ValueTask StartIfOwedAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (cases.FollowsUpAfterReply || !_steps.Any(step => step.IsOwed(state)))
        {
            return;
        }

        var caseCode = state.CaseCode;
        await background.EnqueueAsync($"carry out the follow-up steps of case {caseCode}", ct => worker.FollowUpAsync(caseCode, ct), cancellationToken).ConfigureAwait(false);
    }
}
