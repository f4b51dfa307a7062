using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// What follows a threshold decision (or escalation) is owed as a durable timer row, keyed by the
/// case and the event, written before the event itself is appended. The follow-up then runs at once
/// in the background and removes the row when done; if the process stops first, the row is still
/// there and the timer pump carries the follow-up out once its grace (a timer lease) has passed.
/// <see cref="DecisionFollowUp"/> records each step on the case stream and skips what is recorded,
/// so running it again has no further effect.
/// </summary>
public sealed class DecisionFollowUpOutbox(
    DurableTimerStore timers,
    DecisionFollowUp followUp,
    OutboundWorker background,
    IOptions<TimerPumpOptions> pump,
    PendingFollowUps pending,
    TimeProvider time) : ITimerHandler
{
    public const string TimerKind = "threshold-decision-follow-up";

    public string Kind => TimerKind;

    public static string TimerId(string caseCode, string owed) => $"{caseCode}:threshold-follow-up:{owed}";

    /// <summary>Writes the owed follow-up down; it falls due a lease from now, in case nothing here runs it sooner.</summary>
    public async Task RecordAsync(string caseCode, string owed, CancellationToken cancellationToken)
    {
        await timers.ScheduleAsync(new DurableTimer(TimerId(caseCode, owed), TimerKind, caseCode, time.GetUtcNow() + pump.Value.Lease, "{}"), cancellationToken).ConfigureAwait(false);
        pending.Owed(TimerId(caseCode, owed));
    }

    /// <summary>Carries the recorded follow-up out in the background now, then removes its row.</summary>
    public ValueTask CarryOutSoonAsync(string caseCode, string owed, CancellationToken cancellationToken) =>
        background.EnqueueAsync($"carry out what follows the threshold decision of case {caseCode}", async ct =>
        {
            await followUp.RunAsync(caseCode, ct).ConfigureAwait(false);
            await timers.CancelAsync(caseCode, TimerId(caseCode, owed), ct).ConfigureAwait(false);
            pending.Done(TimerId(caseCode, owed));
        }, cancellationToken);

    /// <summary>Edits the case's card in the background: a lost edit is repaired by the next one.</summary>
    public ValueTask UpdateThreadSoonAsync(string caseCode, CancellationToken cancellationToken) =>
        background.EnqueueAsync($"update the panel thread of case {caseCode}", ct => followUp.UpdateThreadAsync(caseCode, ct), cancellationToken);

    /// <summary>The pump found the row: the follow-up was not carried out here (the process stopped, or it failed).</summary>
    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        pending.Owed(timer.Id);
        await followUp.RunAsync(timer.StreamId, cancellationToken).ConfigureAwait(false);
        pending.Done(timer.Id);
    }
}
