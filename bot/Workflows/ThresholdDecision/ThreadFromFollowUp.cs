using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The panel thread of a case put to the panel in the append that opened it (by the refer form or by
/// mail intake), which the case's follow-up posts as one of its steps (<see cref="PanelThreadStep"/>).
/// Says whether it is posted by now, or why it cannot be: as deployed the follow-up runs right after
/// the answer, and a post Teams refuses then is tried again by the follow-up's next look; where
/// follow-ups run before the reply, it is carried out here.
/// </summary>
public sealed class ThreadFromFollowUp(CaseService cases, PanelThread panel, CaseFollowUpWorker followUp)
{
    public async Task<(bool Posted, string? Failure)> AwaitAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Thread is not null)
        {
            return (true, null);
        }

        if (panel.Unconfigured(cases.RulesForCase(state.CaseCode).Playbook) is { } unconfigured)
        {
            return (false, unconfigured);
        }

        if (cases.FollowsUpAfterReply)
        {
            return (false, null);
        }

        try
        {
            await followUp.FollowUpAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        }
        catch (PanelThreadNotPostedException ex)
        {
            return (false, ex.Failure);
        }

        return ((await cases.CurrentAsync(state.CaseCode, cancellationToken).ConfigureAwait(false)).Thread is not null, null);
    }
}
