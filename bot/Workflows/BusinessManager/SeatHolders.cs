using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.SignOff;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>Who fills a seat, by name, as the partnership lists its people: the same rules the vote
/// and sign-off cards use to let someone act for a seat, read the other way round.</summary>
public sealed class SeatHolders(PartnershipDirectory directory, SeatResolver voters, SignOffSeats signers)
{
    /// <summary>"Superintendent – GMP (Pat Okafor)" for a voting seat; the title alone when nobody is listed for it.</summary>
    public string Voter(Playbook playbook, Seat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var names = People()
            .Select(person => (Person: person, Claim: voters.Resolve(playbook, person)))
            .Where(x => x.Claim?.Seat.Key == seat.Key)
            .OrderBy(x => x.Claim!.ByDeputy)
            .Select(x => x.Claim!.ByDeputy ? $"{x.Person.DisplayName} as deputy" : x.Person.DisplayName)
            .ToList();
        return Describe(seat, names);
    }

    /// <summary>The same for a seat that signs the report.</summary>
    public string Signer(Playbook playbook, Seat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var names = signers.People(playbook)
            .Where(p => p.Seat.Key == seat.Key)
            .Select(p => p.ByDeputy ? $"{p.Person.Name} as deputy" : p.Person.Name ?? p.Person.AadObjectId!)
            .ToList();
        return Describe(seat, names);
    }

    private static string Describe(Seat seat, List<string> names) =>
        names.Count == 0 ? seat.Title : $"{seat.Title} ({string.Join(", ", names)})";

    /// <summary>Everyone the partnership lists, each with all their roles (a person with two roles has two entries).</summary>
    public IReadOnlyList<Caller> People() =>
        [.. Enum.GetValues<PartnershipRole>()
            .SelectMany(directory.WithRole)
            .GroupBy(p => p.AadObjectId!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Caller(string.Empty, g.Key, g.First().TenantId, g.Select(p => p.Name).FirstOrDefault(n => n is not null) ?? g.Key, [.. g.Select(p => new RoleAssignment(p.Role!.Value, p.Partner))]))];
}
