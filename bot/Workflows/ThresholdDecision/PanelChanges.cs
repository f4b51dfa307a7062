using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// How the threshold decision's commands change a case: through <see cref="CaseService"/> (one
/// append, which writes the case's follow-up row in the same transaction), and afterwards, off the
/// reply path, the card edited (<see cref="PanelCardShown"/>) and what follows a decision carried
/// out from that row (<see cref="DecisionFollowUpStep"/>). Nothing here writes to storage before the reply.
/// </summary>
public sealed class PanelChanges(
    CaseService cases,
    DecisionFollowUpOutbox thread,
    PendingCaseFollowUps queue,
    CaseFollowUpWorker worker,
    OutboundWorker background,
    PendingFollowUps pending)
{
    /// <summary>Runs <paramref name="decide"/> on the case and appends what it returns.</summary>
    public Task<CaseChange> DecideAsync(string caseCode, Func<CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> decide, CancellationToken cancellationToken) =>
        cases.DecideAsync(caseCode, decide, cancellationToken);

    /// <summary>
    /// After an append: edit the shared card in the background or, when the decision was made or
    /// escalated (by this append, or before it when <paramref name="alwaysFollowUp"/>), start what
    /// follows. What follows is owed by the follow-up row the decision's append wrote with it; it is
    /// started here only so it runs now rather than at the next sweep.
    /// </summary>
    public async Task AfterAsync(string caseCode, CaseState state, IReadOnlyList<StoredEvent> appended, bool alwaysFollowUp, CancellationToken cancellationToken)
    {
        if (appended.Count == 0 && !alwaysFollowUp)
        {
            return;
        }

        var owed = DecisionRules.FollowUpOwed(appended.Select(e => e.Type)) ?? (alwaysFollowUp ? DecisionRules.FollowUpOwed(state) : null);
        if (owed is null)
        {
            await EditCardSoonAsync(caseCode, cancellationToken).ConfigureAwait(false);
            return;
        }

        await FollowUpSoonAsync(caseCode, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts, in the background, what an append owed when the reply that should have started it was
    /// cut short (storage failed after the append): what follows the decision, or else the card
    /// edit. No storage call here, so a struggling store is not asked for more while the person
    /// waits; the follow-up row is still there if this instance stops.
    /// </summary>
    public async Task ResumeSoonAsync(string caseCode, CaseState state, CancellationToken cancellationToken)
    {
        if (DecisionRules.FollowUpOwed(state) is not null)
        {
            await FollowUpSoonAsync(caseCode, state, cancellationToken).ConfigureAwait(false);
            return;
        }

        await EditCardSoonAsync(caseCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The change and what follows it, for a command that has nothing else to do after.</summary>
    public async Task<CaseChange> DecideAndFollowAsync(string caseCode, Func<CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> decide, CancellationToken cancellationToken)
    {
        var change = await DecideAsync(caseCode, decide, cancellationToken).ConfigureAwait(false);
        await AfterAsync(caseCode, change.State, change.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return change;
    }

    /// <summary>The card edited to show the append: as deployed, by the case's follow-up (its row,
    /// written with the append, owes the edit: <see cref="PanelCardShown"/>); else in the background queue.</summary>
    private async Task EditCardSoonAsync(string caseCode, CancellationToken cancellationToken)
    {
        if (cases.FollowsUpAfterReply)
        {
            queue.Owe(caseCode);
            return;
        }

        await thread.UpdateThreadSoonAsync(caseCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The case's follow-up, now: by the follow-up worker after the reply as deployed, or
    /// in the background queue where appends follow up before returning (the row is then left for it).</summary>
    private async Task FollowUpSoonAsync(string caseCode, CaseState state, CancellationToken cancellationToken)
    {
        if (DecisionFollowUp.IsOwed(state))
        {
            pending.Owed(caseCode);
        }

        if (cases.FollowsUpAfterReply)
        {
            queue.Owe(caseCode);
            return;
        }

        await background.EnqueueAsync($"carry out what follows the threshold decision of case {caseCode}", ct => worker.FollowUpAsync(caseCode, ct), cancellationToken).ConfigureAwait(false);
    }
}
