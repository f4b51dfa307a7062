using TeamsReviewBot.Teams.Outbound;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Starts the case's follow-up now for an append that owes a step (<see cref="ICaseFollowUpStep"/>).
/// As deployed the append has already queued it for the follow-up worker, so this does nothing;
/// where appends follow up before returning, the follow-up row is left for its steps and this runs
/// it in the background queue rather than waiting for the next sweep. The row is what makes the step
/// owed either way: this only makes it prompt.
/// </summary>
public sealed class CaseFollowUpSoon(CaseService cases, CaseFollowUpWorker worker, OutboundWorker background)
{
    public async ValueTask StartAsync(string caseCode, CancellationToken cancellationToken)
    {
        if (cases.FollowsUpAfterReply)
        {
            return;
        }

        await background.EnqueueAsync($"carry out the follow-up steps of case {caseCode}", ct => worker.FollowUpAsync(caseCode, ct), cancellationToken).ConfigureAwait(false);
    }
}
