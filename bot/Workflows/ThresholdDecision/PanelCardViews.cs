using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The panel card as one person should see it: their vote card if they hold an open seat, the
/// business manager's card where they may decide, else the shared card; and the child's details,
/// shown only to an authorised member, each look recorded.
/// </summary>
public sealed class PanelCardViews(
    CaseService cases,
    PanelViews views,
    SeatResolver seats,
    PanelChanges changes,
    CardRefusals refusals,
    ReferralVault vault,
    TimeProvider time)
{
    /// <summary>The card as this person should see it now.</summary>
    public async Task<CardActionResult> ViewAsync(string caseCode, TeamsActor viewer, CancellationToken cancellationToken)
    {
        var state = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!state.Exists)
        {
            return CardActionResult.Message($"There is no case {caseCode}.");
        }

        return await PersonalAsync(state, viewer, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows the child's details to an authorised member only, and records that they looked.</summary>
    public async Task<CardActionResult> ViewReferralAsync(string caseCode, TeamsActor viewer, CancellationToken cancellationToken)
    {
        var current = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!current.Exists)
        {
            return CardActionResult.Message($"There is no case {caseCode}.");
        }

        var playbook = cases.Playbooks.Get(current.Partnership);
        // Only the panel's seats and the business managers: other roles (a scrutineer, say) do not see the child.
        if (!viewer.Holds(PartnershipRole.BusinessManager) && seats.Resolve(playbook, viewer) is null)
        {
            await refusals.RefuseAsync(caseCode, PanelCards.ViewReferralVerb, viewer, $"{viewer.Describe()} holds no seat on the panel and is not a business manager.", cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"The referral's details are shown only to the partnership's panel members and business managers; you are not one of them, so nothing was shown. This attempt is recorded on the case's audit trail.");
        }

        if (current.Referral is not { } referral)
        {
            return CardActionResult.Message($"Case {caseCode} has no referral details on record.");
        }

        var actor = CaseActors.From(viewer, seats.Resolve(playbook, viewer));
        var change = await changes.DecideAsync(caseCode, (state, now) => DecisionRules.ViewReferral(state, actor, now), cancellationToken).ConfigureAwait(false);
        var view = await views.BuildAsync(playbook, change.State, cancellationToken, viewer.TeamsUserId).ConfigureAwait(false);
        // Sealed apart since; a stream recorded before that still carries them in clear.
        var child = await vault.OpenAsync(caseCode, cancellationToken).ConfigureAwait(false) is { } sealedReferral
            ? SealedChildDetails.Child(sealedReferral)
            : referral.Child ?? new ChildDetails("not on record", null, "not on record");
        return CardActionResult.Card(PanelCards.ReferralDetails(view, child, viewer.DisplayName, time.GetUtcNow()));
    }

    /// <summary>The card for <paramref name="viewer"/> from the case as it stands, with <paramref name="notice"/> on it.</summary>
    public async Task<CardActionResult> PersonalAsync(CaseState state, TeamsActor viewer, string? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(viewer);
        var playbook = cases.Playbooks.Get(state.Partnership);
        var view = await views.BuildAsync(playbook, state, cancellationToken, viewer.TeamsUserId).ConfigureAwait(false);
        var claim = seats.Resolve(playbook, viewer);
        var isManager = viewer.Holds(PartnershipRole.BusinessManager);
        JsonObject card;
        if (state.Stage == CaseStage.AwaitingDecision && claim is not null)
        {
            var alone = isManager ? (playbook.Decision.BusinessManagerMayDecideAlone is { Count: > 0 } fast ? fast[0] : null) : null;
            card = PanelCards.Vote(view, view.Seats.First(s => s.Key == claim.Seat.Key), claim.ByDeputy, viewer.DisplayName, alone, notice);
        }
        else if (state.Stage == CaseStage.Escalated && isManager)
        {
            // An escalation is resolved with an outcome that is not itself an escalation.
            var resolvable = playbook.Outcomes.Where(o => o.Kind != OutcomeKind.Escalation).Select(o => o.Key).ToList();
            card = PanelCards.ResolveEscalation(view with { VotableOutcomes = resolvable }, notice);
        }
        else if (state.Stage == CaseStage.AwaitingDecision && isManager && playbook.Decision.BusinessManagerMayDecideAlone is { Count: > 0 } fastOnly && fastOnly[0] is { } aloneOnly)
        {
            card = PanelCards.DecideAlone(view, aloneOnly, notice);
        }
        else
        {
            card = view.DecidedOutcomeLabel is not null ? PanelCards.Decided(view, notice) : PanelCards.Shared(view);
            if (notice is not null && view.DecidedOutcomeLabel is null)
            {
                return CardActionResult.Message(notice);
            }
        }

        return CardActionResult.Card(card);
    }
}
