using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// How the threshold decision's commands change a case: through <see cref="CaseService"/> (one
/// append), with the decision's follow-up written down as a durable row before the append that
/// owes it, and afterwards the card edited or the follow-up carried out.
/// </summary>
public sealed class PanelChanges(CaseService cases, DecisionFollowUpOutbox followUps, DurableTimerStore timers)
{
    /// <summary>Runs <paramref name="decide"/> on the case and appends what it returns; a follow-up it owes is recorded first.</summary>
    public Task<CaseChange> DecideAsync(string caseCode, Func<CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> decide, CancellationToken cancellationToken) =>
        cases.DecideAsync(
            caseCode,
            decide,
            cancellationToken,
            (events, ct) => DecisionRules.FollowUpOwed(events.Select(e => e.Type)) is { } owed
                ? followUps.RecordAsync(caseCode, owed, ct)
                : Task.CompletedTask);

    /// <summary>
    /// After an append: edit the shared card in the background or, when the decision was made or
    /// escalated (by this append, or before it when <paramref name="alwaysFollowUp"/>), carry out what
    /// follows. What follows is owed as a durable row before anything else: written before the
    /// append that recorded the decision (see <see cref="DecideAsync"/>), or here when the decision
    /// came without one. Only then is the window timer cancelled and the follow-up run, so a restart
    /// at any point leaves either the row or the window timer to carry it out.
    /// </summary>
    public async Task AfterAsync(string caseCode, CaseState state, IReadOnlyList<StoredEvent> appended, bool alwaysFollowUp, CancellationToken cancellationToken)
    {
        if (appended.Count == 0 && !alwaysFollowUp)
        {
            return;
        }

        var owedByAppend = DecisionRules.FollowUpOwed(appended.Select(e => e.Type));
        var owed = owedByAppend ?? (alwaysFollowUp ? DecisionRules.FollowUpOwed(state) : null);
        if (owed is null)
        {
            await followUps.UpdateThreadSoonAsync(caseCode, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (owedByAppend is null)
        {
            await followUps.RecordAsync(caseCode, owed, cancellationToken).ConfigureAwait(false);
        }

        await timers.CancelAsync(caseCode, DecisionWindow.TimerId(caseCode), cancellationToken).ConfigureAwait(false);
        await followUps.CarryOutSoonAsync(caseCode, owed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts, in the background, what an append owed when the reply that should have started it was
    /// cut short (storage failed after the append): the decision's follow-up, whose row was written
    /// before the append, or else the card edit. No storage call here, so a struggling store is not
    /// asked for more while the person waits; the row is still there if this instance stops.
    /// </summary>
    public async Task ResumeSoonAsync(string caseCode, CaseState state, CancellationToken cancellationToken)
    {
        if (DecisionRules.FollowUpOwed(state) is { } owed)
        {
            await followUps.CarryOutSoonAsync(caseCode, owed, cancellationToken).ConfigureAwait(false);
            return;
        }

        await followUps.UpdateThreadSoonAsync(caseCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The change and what follows it, for a command that has nothing else to do after.</summary>
    public async Task<CaseChange> DecideAndFollowAsync(string caseCode, Func<CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> decide, CancellationToken cancellationToken)
    {
        var change = await DecideAsync(caseCode, decide, cancellationToken).ConfigureAwait(false);
        await AfterAsync(caseCode, change.State, change.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return change;
    }
}
