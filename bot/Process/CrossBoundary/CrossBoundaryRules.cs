using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.CrossBoundary;

/// <summary>
/// Cross-boundary referrals: the child ordinarily resides in one local authority and the incident
/// occurred in another (the GM notification form's "Notifying Area", seed-000 §2.2 L541, L547). The
/// seeds that speak to it disagree on who leads: West Midlands "normally ... where the child is
/// usually resident" (seed-003 L154), Salford where "the serious incident took place" (seed-002
/// L447); the playbook says which, or that the business managers choose.
/// </summary>
public static class CrossBoundaryRules
{
    /// <summary>The authority the playbook proposes as lead, or null where it leaves the choice open.</summary>
    public static string? ProposedLead(CaseState state, CrossBoundaryRule? rule) => rule?.Lead switch
    {
        CrossBoundaryLead.Residence => state.ResidenceAuthority,
        CrossBoundaryLead.Incident => state.IncidentAuthority,
        _ => null,
    };

    /// <summary>The authorities named on the referral whose partnerships are not this one: they are told of the case.</summary>
    public static IReadOnlyList<string> OtherAuthorities(CaseState state, CrossBoundaryRule? rule)
    {
        if (!state.IsCrossBoundary || rule is null)
        {
            return [];
        }

        return new[] { state.ResidenceAuthority!, state.IncidentAuthority! }
            .Where(a => !rule.Covers(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Records which partnership leads: one of the two authorities the referral names, once.</summary>
    public static IReadOnlyList<NewEvent> AgreeLead(CaseState state, string authority, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        if (!state.IsCrossBoundary)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is not cross-boundary: the child's local authority and the incident's are the same, or not given.");
        }

        var named = new[] { state.ResidenceAuthority!, state.IncidentAuthority! }.FirstOrDefault(a => CrossBoundaryRule.SameAuthority(a, authority))
            ?? throw new CaseRuleException($"\"{authority}\" is not one of the case's two local authorities: {state.ResidenceAuthority} (where the child lives) or {state.IncidentAuthority} (where the incident occurred).");
        if (state.LeadAuthority is { } already)
        {
            return CrossBoundaryRule.SameAuthority(already, named)
                ? []
                : throw new CaseRuleException($"{state.LeadAgreedBy} already recorded that {already}'s partnership leads case {state.CaseCode}.");
        }

        return [new NewEvent(CaseEventTypes.CrossBoundaryLeadAgreed, CaseJson.Write(new CrossBoundaryLeadAgreed(named, actor, $"{named}'s partnership leads the review.")), now)];
    }

    /// <summary>Records that the partnership of <paramref name="authority"/> was told, once.</summary>
    public static IReadOnlyList<NewEvent> RecordNotice(CaseState state, string authority, string? to, string? internetMessageId, bool byHand, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.CrossBoundaryNotices.ContainsKey(authority))
        {
            return [];
        }

        var reason = byHand
            ? $"No mailbox is configured for {authority}'s partnership: the business managers were asked to tell it."
            : $"{authority}'s partnership was told of the case by email from the partnership mailbox.";
        return [new NewEvent(CaseEventTypes.CrossBoundaryNoticeSent, CaseJson.Write(new CrossBoundaryNoticeSent(authority, to, internetMessageId, byHand, Actor.System, reason)), now)];
    }
}
