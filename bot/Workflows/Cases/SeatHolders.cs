using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>Who fills a playbook seat, by the roles the partnership lists (Partnership:People): a
/// statutory seat its partner's lead, an independent seat the independent adviser (or the scrutineer
/// for a scrutineer's seat), the management group's seat a chair, a business unit's seat a business manager.</summary>
public static class SeatHolders
{
    public static IReadOnlyList<PersonOptions> For(PartnershipDirectory directory, Seat seat)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(seat);
        IEnumerable<PersonOptions> people = seat.Partner switch
        {
            "independent" when seat.Key.Contains("scrutineer", StringComparison.Ordinal) => directory.WithRole(PartnershipRole.Scrutineer),
            "independent" => directory.WithRole(PartnershipRole.IndependentAdviser),
            "management-group" => directory.WithRole(PartnershipRole.Chair),
            "business-manager" => directory.WithRole(PartnershipRole.BusinessManager),
            _ when seat.Statutory => directory.WithRole(PartnershipRole.StatutoryLead).Where(p => SeatResolver.PartnerKey(p.Partner) == seat.Partner),
            _ => [],
        };
        return [.. people.Where(p => !string.IsNullOrWhiteSpace(p.AadObjectId))];
    }

    /// <summary>The partnership role that fills <paramref name="seat"/>, as <see cref="For"/> reads it.</summary>
    public static PartnershipRole? RoleFor(Seat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        return seat.Partner switch
        {
            "independent" when seat.Key.Contains("scrutineer", StringComparison.Ordinal) => PartnershipRole.Scrutineer,
            "independent" => PartnershipRole.IndependentAdviser,
            "management-group" => PartnershipRole.Chair,
            "business-manager" => PartnershipRole.BusinessManager,
            _ when seat.Statutory => PartnershipRole.StatutoryLead,
            _ => null,
        };
    }

    /// <summary>Whether this person fills <paramref name="seat"/>.</summary>
    public static bool Fills(PartnershipDirectory directory, Seat seat, Caller person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.AadObjectId is { } id && For(directory, seat).Any(p => string.Equals(p.AadObjectId, id, StringComparison.OrdinalIgnoreCase));
    }
}
