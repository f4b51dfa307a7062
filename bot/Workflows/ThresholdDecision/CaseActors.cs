using TeamsReviewBot.Identity;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;
using ProcessRoles = TeamsReviewBot.Process.Cases.Roles;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>Turns the person Teams identified into the actor a case event records.</summary>
public static class CaseActors
{
    public static ProcessActor From(Caller actor, SeatClaim? seat = null)
    {
        var role = actor.Holds(PartnershipRole.BusinessManager) ? ProcessRoles.BusinessManager
            : seat is { ByDeputy: true } ? ProcessRoles.Deputy
            : seat is not null ? ProcessRoles.PanelMember
            : actor.Roles.Count == 0 ? "no role"
            : actor.Roles[0].Role switch
            {
                PartnershipRole.StatutoryLead => ProcessRoles.PanelMember,
                PartnershipRole.Deputy => ProcessRoles.Deputy,
                PartnershipRole.Chair => ProcessRoles.Chair,
                PartnershipRole.IndependentAdviser => "independent-adviser",
                PartnershipRole.Scrutineer => "scrutineer",
                _ => "member",
            };
        var partner = seat?.Seat.Key ?? actor.Roles.Select(r => SeatResolver.PartnerKey(r.Partner)).FirstOrDefault(p => p is not null);
        return new ProcessActor(actor.AadObjectId ?? actor.TeamsUserId, actor.DisplayName, role, partner);
    }
}
