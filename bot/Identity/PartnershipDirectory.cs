using Microsoft.Extensions.Options;
using TeamsReviewBot.Teams.Auth;

namespace TeamsReviewBot.Identity;

/// <summary>
/// Tells who someone is in the partnership from their Entra object id and tenant, as configured
/// under Partnership:People. Matching needs both: the same object id in another tenant is someone
/// else, and an activity that names no tenant names nobody. A person configured without a tenant
/// is in the bot's own tenant (Bot:TenantId). Someone not listed is an actor with no roles.
/// </summary>
public sealed class PartnershipDirectory
{
    private readonly IReadOnlyList<PersonOptions> _people;
    private readonly string? _botTenant;

    public PartnershipDirectory(IOptions<PartnershipOptions> options, IOptions<BotAuthOptions> bot)
    {
        _people = [.. options.Value.People];
        _botTenant = bot.Value.TenantId is { Length: > 0 } tenant ? tenant : null;
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

    public Caller Identify(string teamsUserId, string? aadObjectId, string? tenantId, string? displayName)
    {
        var entries = aadObjectId is null || tenantId is null
            ? []
            : _people.Where(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase) && IsHomeTenant(p, tenantId)).ToList();
        var name = displayName ?? entries.Select(e => e.Name).FirstOrDefault(n => n is not null) ?? "Someone";
        return new Caller(teamsUserId, aadObjectId, tenantId, name, [.. entries.Select(e => new RoleAssignment(e.Role!.Value, e.Partner))]);
    }

    /// <summary>The person's configured tenant, else the bot's; with neither (development mode
    /// without tenants) any named tenant.</summary>
    private bool IsHomeTenant(PersonOptions person, string tenantId) =>
        (person.TenantId ?? _botTenant) is not { } home || string.Equals(home, tenantId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The people who hold a role, as configured.</summary>
    public IReadOnlyList<PersonOptions> WithRole(PartnershipRole role) => [.. _people.Where(p => p.Role == role)];
}
