namespace TeamsReviewBot.Identity;

/// <summary>Who is who in the partnership: Partnership:People:N:{AadObjectId, Name, Role, Partner,
/// TenantId}. A person with two roles has two entries.</summary>
public sealed class PartnershipOptions
{
    public const string SectionName = "Partnership";

    public IList<PersonOptions> People { get; } = [];
}

public sealed class PersonOptions
{
    /// <summary>The person's Entra object id, the one Teams sends as from.aadObjectId.</summary>
    public string? AadObjectId { get; set; }

    public string? Name { get; set; }

    public PartnershipRole? Role { get; set; }

    /// <summary>For statutory leads and deputies: the partner they speak for.</summary>
    public StatutoryPartner? Partner { get; set; }

    /// <summary>Where meeting invitations reach them (their work address).</summary>
    public string? Email { get; set; }

    /// <summary>The person's home tenant; partners are often in different tenants.</summary>
    public string? TenantId { get; set; }
}
