using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>The business manager decides alone where the playbook allows it, or records how an escalation was resolved.</summary>
public sealed class DecideAlone(CaseService cases, SeatResolver seats, PanelChanges changes, PanelCardViews cards, CardRefusals refusals)
{
    public async Task<CardActionResult> DecideAsync(string caseCode, TeamsActor manager, string outcome, string rationale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(rationale);
        var current = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!current.Exists)
        {
            return CardActionResult.Message($"There is no case {caseCode}; nothing was recorded.");
        }

        if (!manager.Holds(PartnershipRole.BusinessManager))
        {
            await refusals.RefuseAsync(caseCode, PanelCards.DecideAloneVerb, manager, $"{manager.Describe()} is not a business manager.", cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"Only a business manager can record a decision alone on case {caseCode}; nothing was recorded. This attempt is recorded on the case's audit trail.");
        }

        var rules = cases.RulesForCase(caseCode);
        var actor = CaseActors.From(manager, seats.Resolve(rules.Playbook, manager));
        CaseChange change;
        try
        {
            change = await changes.DecideAsync(caseCode, (state, now) => DecisionRules.BusinessManagerDecides(rules, state, outcome, rationale.Trim(), actor, now), cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return await cards.PersonalAsync(current, manager, ex.Message + " Nothing was recorded.", cancellationToken).ConfigureAwait(false);
        }

        await changes.AfterAsync(caseCode, change.State, change.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return await cards.PersonalAsync(change.State, manager, null, cancellationToken).ConfigureAwait(false);
    }
}
