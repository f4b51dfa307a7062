namespace TeamsReviewBot.Teams.Auth;

/// <summary>
/// The bot's Azure Bot registration. With an <see cref="AppId"/> every activity must carry a
/// Bot Framework or Entra token for this app; without one the bot runs in development mode
/// (loopback only, no authentication) for the Agents Playground.
/// </summary>
public sealed class BotAuthOptions
{
    public const string SectionName = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openid-configuration";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The Microsoft App ID of the Azure Bot resource; empty means development mode.</summary>
    public string? AppId { get; set; }

    /// <summary>The Entra tenant of the registration (single-tenant and managed identity both need it).</summary>
    public string? TenantId { get; set; }

    /// <summary>SingleTenant or UserAssignedMSI.</summary>
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>Where the Bot Framework publishes its signing keys.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new(DefaultOpenIdMetadataUrl);

    /// <summary>The Entra authority host whose tenant metadata signs tokens from Entra issuers.</summary>
    public Uri EntraAuthority { get; set; } = new("https://login.microsoftonline.com");

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The audiences Teams uses for this bot (teams.net BotConfig).</summary>
    public IReadOnlyList<string> ValidAudiences => [AppId!, $"api://{AppId}", $"api://botid-{AppId}"];

    /// <summary>The tenant's Entra v2 and v1 issuers.</summary>
    public IReadOnlyList<string> EntraIssuers => [$"https://login.microsoftonline.com/{TenantId}/v2.0", $"https://sts.windows.net/{TenantId}/"];

    public Uri EntraMetadataUrl => new(EntraAuthority, $"{TenantId}/v2.0/.well-known/openid-configuration");
}

public enum BotAppType
{
    SingleTenant,
    UserAssignedMSI,
}
