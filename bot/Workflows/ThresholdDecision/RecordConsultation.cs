using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>Records the consultation a split majority waits for; the rule then decides if it can.</summary>
public sealed class RecordConsultation(CaseService cases, PanelChanges changes, CardRefusals refusals)
{
    public const string Verb = "consulted";

    public async Task<string> RecordAsync(string caseCode, string note, TeamsActor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(by);
        if (!(await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false)).Exists)
        {
            throw new CaseRuleException($"There is no case {caseCode}.");
        }

        await refusals.RequireBusinessManagerAsync(caseCode, Verb, by, "record the consultation on a split decision", cancellationToken).ConfigureAwait(false);
        var rules = cases.RulesForCase(caseCode);
        var actor = CaseActors.From(by);
        var change = await changes.DecideAndFollowAsync(caseCode, (state, now) => rules.RecordConsultation(state, note.Trim(), actor, now), cancellationToken).ConfigureAwait(false);
        var decision = change.State.Decision;
        return decision is null
            ? $"Recorded the consultation on case {caseCode}. The decision is not made yet: the votes as they stand do not give one."
            : $"Recorded the consultation on case {caseCode}. Decision: {decision.OutcomeLabel}.";
    }
}
