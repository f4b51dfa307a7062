namespace TeamsReviewBot.Identity;

/// <summary>One role a person holds, with the partner it is held for where that matters.</summary>
public sealed record RoleAssignment(PartnershipRole Role, StatutoryPartner? Partner);

/// <summary>Who is talking to the bot in Teams: their Teams id, Entra object id and tenant as Teams
/// sent them, and the roles the partnership's configuration gives that person. What a case records
/// about who acted is a <see cref="Process.Cases.Actor"/>, made from a caller by CaseActors.</summary>
public sealed record Caller(string TeamsUserId, string? AadObjectId, string? TenantId, string DisplayName, IReadOnlyList<RoleAssignment> Roles)
{
    public bool Holds(PartnershipRole role) => Roles.Any(r => r.Role == role);

    /// <summary>"Ada Lovelace (business manager)", for audit lines and card footers.</summary>
    public string Describe() => Roles.Count == 0
        ? DisplayName
        : $"{DisplayName} ({string.Join(", ", Roles.Select(RoleNames.Describe))})";
}

public static class RoleNames
{
    public static string Describe(PartnershipRole role) => role switch
    {
        PartnershipRole.StatutoryLead => "statutory partner lead",
        PartnershipRole.Deputy => "deputy partner lead",
        PartnershipRole.BusinessManager => "business manager",
        PartnershipRole.IndependentAdviser => "independent adviser",
        PartnershipRole.Scrutineer => "independent scrutineer",
        PartnershipRole.Chair => "chair",
        _ => role.ToString(),
    };

    public static string Describe(RoleAssignment assignment) => assignment.Partner is { } partner
        ? $"{Describe(assignment.Role)}, {Describe(partner)}"
        : Describe(assignment.Role);

    public static string Describe(StatutoryPartner partner) => partner switch
    {
        StatutoryPartner.LocalAuthority => "local authority",
        StatutoryPartner.Police => "police",
        StatutoryPartner.Health => "health",
        _ => partner.ToString(),
    };
}
