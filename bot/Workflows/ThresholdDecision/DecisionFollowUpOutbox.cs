using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// Edits a case's card in the background, off the reply path (a lost edit is repaired by the next
/// one). What follows a decision is owed by the case's follow-up row (<see cref="DecisionFollowUpStep"/>);
/// a timer row of the kind earlier versions wrote before the decision's append is still served
/// here, so a deployment that stopped with one outstanding carries it out (each step once).
/// </summary>
public sealed class DecisionFollowUpOutbox(DecisionFollowUp followUp, OutboundWorker background, PendingFollowUps pending) : ITimerHandler
{
    /// <summary>The kind of the timer rows written before the decision's append by earlier versions.</summary>
    public const string TimerKind = "threshold-decision-follow-up";

    public string Kind => TimerKind;

    /// <summary>Edits the case's card in the background: a lost edit is repaired by the next one.</summary>
    public ValueTask UpdateThreadSoonAsync(string caseCode, CancellationToken cancellationToken) =>
        background.EnqueueAsync($"update the panel thread of case {caseCode}", ct => followUp.UpdateThreadAsync(caseCode, ct), cancellationToken);

    /// <summary>The pump found a row an earlier version left: carry out what follows the decision.</summary>
    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        pending.Owed(timer.StreamId);
        await followUp.RunAsync(timer.StreamId, cancellationToken).ConfigureAwait(false);
        pending.Done(timer.StreamId);
    }
}
