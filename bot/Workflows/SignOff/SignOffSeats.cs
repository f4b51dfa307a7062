using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// The seats that sign a partnership's report (the playbook's signing partners, its independent
/// endorser and any alternative sole signatory) and who fills them: a statutory lead or deputy their
/// partner's seat (the deputy in the lead's place, not beside them), an independent adviser or
/// scrutineer the independent seat, a chair the management group's seat where the playbook has one.
/// </summary>
public sealed class SignOffSeats(PartnershipDirectory directory)
{
    public static IReadOnlyList<Seat> Signing(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var rule = playbook.SignOff;
        return [.. rule.Seats.Append(rule.IndependentSeat).Append(rule.AlternativeSoleSignatory)
            .OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(playbook.FindSeat).OfType<Seat>()];
    }

    /// <summary>The signing seat this person fills, or null when they sign nothing for this partnership.</summary>
    public static SeatClaim? Resolve(Playbook playbook, Caller person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var seats = Signing(playbook);
        foreach (var role in person.Roles)
        {
            if (SeatFor(seats, role.Role, role.Partner) is { } seat)
            {
                return new SeatClaim(seat, role.Role == PartnershipRole.Deputy);
            }
        }

        return null;
    }

    /// <summary>The people configured for each signing seat, leads before deputies; a deputy only where
    /// the playbook lets deputies sign for that seat (a card they could not answer would mislead them).</summary>
    public IReadOnlyList<(Seat Seat, PersonOptions Person, bool ByDeputy)> People(Playbook playbook)
    {
        var seats = Signing(playbook);
        return [.. Enum.GetValues<PartnershipRole>()
            .SelectMany(directory.WithRole)
            .Select(p => (Seat: SeatFor(seats, p.Role!.Value, p.Partner), Person: p, ByDeputy: p.Role == PartnershipRole.Deputy))
            .Where(x => x.Seat is not null && (!x.ByDeputy || x.Seat.DeputiesMayAct))
            .OrderBy(x => x.ByDeputy)
            .Select(x => (x.Seat!, x.Person, x.ByDeputy))];
    }

    private static Seat? SeatFor(IReadOnlyList<Seat> seats, PartnershipRole role, StatutoryPartner? partner) => role switch
    {
        PartnershipRole.StatutoryLead or PartnershipRole.Deputy => seats.FirstOrDefault(s => s.Statutory && s.Partner == SeatResolver.PartnerKey(partner)),
        PartnershipRole.IndependentAdviser => seats.FirstOrDefault(s => s.Partner == "independent" && !s.Key.Contains("scrutineer", StringComparison.Ordinal)),
        PartnershipRole.Scrutineer => seats.FirstOrDefault(s => s.Key.Contains("scrutineer", StringComparison.Ordinal)),
        PartnershipRole.Chair => seats.FirstOrDefault(s => s.Partner == "management-group"),
        _ => null,
    };
}
