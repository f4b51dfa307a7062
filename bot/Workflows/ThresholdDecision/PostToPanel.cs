using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// Posts the case's thread in the panel channel and opens the vote (or, where the playbook needs no
/// vote, shows the decision). Posting again finishes what an earlier attempt left undone and
/// posts nothing twice. The decision window's timer follows from the append (the case's follow-up
/// keeps it with the case's other timers).
/// </summary>
public sealed class PostToPanel(CaseService cases, PanelViews views, PanelThread thread, PanelChanges changes)
{
    /// <summary>Returns why the thread could not be posted, or null.</summary>
    public async Task<string?> PostAsync(string caseCode, ProcessActor actor, CancellationToken cancellationToken)
    {
        var current = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!current.Exists)
        {
            throw new CaseRuleException($"There is no case {caseCode}.");
        }

        if (current.Thread is not null)
        {
            return null;
        }

        var (change, failure) = await StartThreadAsync(current, actor, cancellationToken).ConfigureAwait(false);
        await changes.AfterAsync(caseCode, change.State, change.Appended, alwaysFollowUp: change.State.Decision is not null, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    /// <summary>
    /// Starts the thread with the shared card for the case as it will stand once put to the panel,
    /// and records it (and puts the case to the panel if it is not yet) in one append. The card is
    /// built from the case as recorded, so no edit follows.
    /// </summary>
    public async Task<(CaseChange Change, string? Failure)> StartThreadAsync(CaseState current, ProcessActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var caseCode = current.CaseCode;
        var rules = cases.RulesForCase(caseCode);
        // The card shows the vote as open: build it from the state as it will be once put to the panel.
        var card = PanelCards.Shared(await views.BuildAsync(rules.Playbook, current, cancellationToken).ConfigureAwait(false));
        var (posted, failure) = await thread.StartAsync(rules.Playbook, caseCode, card, actor, cancellationToken).ConfigureAwait(false);
        var change = await changes.DecideAsync(caseCode, (state, now) => DecisionRules.PutToPanel(rules, state, posted, actor, now), cancellationToken).ConfigureAwait(false);
        return (change, failure);
    }
}
