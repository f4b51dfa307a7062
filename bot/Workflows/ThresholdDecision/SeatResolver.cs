using Microsoft.Extensions.Options;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>The voting seat a person fills on a partnership's panel, and whether as its deputy.</summary>
public sealed record SeatClaim(Seat Seat, bool ByDeputy);

/// <summary>
/// Works out which voting seat of a playbook a person holds. An explicit seat assignment wins;
/// otherwise the person's configured role speaks for the seat of the same kind: a statutory lead or
/// deputy for their partner's seat, a business manager, independent adviser or chair for the voting
/// seat of that kind where the playbook has one. Someone with none of these has no vote.
/// </summary>
public sealed class SeatResolver(IOptions<ThresholdDecisionOptions> options)
{
    public SeatClaim? Resolve(Playbook playbook, Caller actor)
    {
        var voting = playbook.Seats.Where(s => s.Votes).ToList();
        var assigned = options.Value.SeatAssignments.FirstOrDefault(a =>
            actor.AadObjectId is not null
            && string.Equals(a.AadObjectId, actor.AadObjectId, StringComparison.OrdinalIgnoreCase)
            && (string.IsNullOrEmpty(a.Partnership) || string.Equals(a.Partnership, playbook.Key, StringComparison.OrdinalIgnoreCase))
            && voting.Any(s => s.Key == a.Seat));
        if (assigned is not null)
        {
            return new SeatClaim(voting.First(s => s.Key == assigned.Seat), assigned.Deputy);
        }

        foreach (var role in actor.Roles)
        {
            var (partner, deputy) = role.Role switch
            {
                PartnershipRole.StatutoryLead => (PartnerKey(role.Partner), false),
                PartnershipRole.Deputy => (PartnerKey(role.Partner), true),
                PartnershipRole.BusinessManager => ("business-manager", false),
                PartnershipRole.IndependentAdviser => ("independent", false),
                PartnershipRole.Chair => ("practice-review-group", false),
                _ => (null, false),
            };
            var seat = partner is null ? null : voting.FirstOrDefault(s => s.Partner == partner);
            if (seat is not null)
            {
                return new SeatClaim(seat, deputy);
            }
        }

        return null;
    }

    /// <summary>The playbooks' name for a statutory partner.</summary>
    public static string? PartnerKey(StatutoryPartner? partner) => partner switch
    {
        StatutoryPartner.LocalAuthority => "local-authority",
        StatutoryPartner.Police => "police",
        StatutoryPartner.Health => "health",
        _ => null,
    };
}
