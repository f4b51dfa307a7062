using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Teams.Identity;

/// <summary>
/// Tells who someone is in the partnership from their Entra object id and tenant, as configured
/// under Partnership:People. Matching needs both: the same object id in another tenant is someone
/// else. Someone not listed is an actor with no roles.
/// </summary>
public sealed class PartnershipDirectory
{
    private readonly IReadOnlyList<PersonOptions> _people;

    public PartnershipDirectory(IOptions<PartnershipOptions> options)
    {
        _people = [.. options.Value.People];
        foreach (var person in _people)
        {
            if (string.IsNullOrWhiteSpace(person.AadObjectId) || person.Role is null)
            {
                throw new InvalidOperationException(
                    $"Partnership:People has an entry for \"{person.Name ?? "(no name)"}\" without AadObjectId or Role; every person needs both.");
            }

            if (person.Role is PartnershipRole.StatutoryLead or PartnershipRole.Deputy && person.Partner is null)
            {
                throw new InvalidOperationException(
                    $"Partnership:People: {person.Name ?? person.AadObjectId} is a {RoleNames.Describe(person.Role.Value)} but has no Partner (LocalAuthority, Police or Health).");
            }
        }
    }

    public Actor Identify(string teamsUserId, string? aadObjectId, string? tenantId, string? displayName)
    {
        var entries = aadObjectId is null
            ? []
            : _people.Where(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)
                && (p.TenantId is null || tenantId is null || string.Equals(p.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))).ToList();
        var name = displayName ?? entries.Select(e => e.Name).FirstOrDefault(n => n is not null) ?? "Someone";
        return new Actor(teamsUserId, aadObjectId, tenantId, name, [.. entries.Select(e => new RoleAssignment(e.Role!.Value, e.Partner))]);
    }

    /// <summary>The people who hold a role, as configured.</summary>
    public IReadOnlyList<PersonOptions> WithRole(PartnershipRole role) => [.. _people.Where(p => p.Role == role)];
}
