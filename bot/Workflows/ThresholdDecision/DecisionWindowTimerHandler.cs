using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>The decision window of a case has closed: apply the rule to the votes as they stand
/// (a decision, or the playbook's escalation). Harmless when the case was decided meanwhile.</summary>
public sealed class DecisionWindowTimerHandler(ThresholdDecisionService decisions) : ITimerHandler
{
    public string Kind => ThresholdDecisionService.WindowTimerKind;

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken) => decisions.WindowPassedAsync(timer.StreamId, cancellationToken);
}
