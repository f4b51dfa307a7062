namespace TeamsReviewBot.Teams.Auth;

/// <summary>
/// The bot's Azure Bot registration and what an inbound activity must prove. With an
/// <see cref="AppId"/> every activity must carry a Bot Framework or Entra token for this app; only
/// with <see cref="DevelopmentMode"/> set (and no app id) does the bot take unauthenticated
/// activities, from this machine only, for the Agents Playground.
/// </summary>
public sealed class BotAuthOptions
{
    public const string SectionName = "Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openid-configuration";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The Agent 365 platform, the one Entra caller the Teams SDK for .NET accepts
    /// (microsoft/teams.net, JwtExtensions.Agent365PlatformAppId).</summary>
    public const string Agent365PlatformAppId = "5a807f24-c9de-44ee-a3a7-329e88a00ffc";

    /// <summary>The host of the reply URLs Teams gives bots: https://smba.trafficmanager.net/{region}/.</summary>
    public const string TeamsServiceUrlHost = "smba.trafficmanager.net";

    /// <summary>The Microsoft App ID of the Azure Bot resource.</summary>
    public string? AppId { get; set; }

    /// <summary>The Entra tenant of the registration (single-tenant and managed identity both need it).</summary>
    public string? TenantId { get; set; }

    /// <summary>SingleTenant or UserAssignedMSI.</summary>
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>Turns authentication off for the local stack; refused with an app id, and only
    /// ever served to loopback addresses.</summary>
    public bool DevelopmentMode { get; set; }

    /// <summary>Where the Bot Framework publishes its signing keys.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new(DefaultOpenIdMetadataUrl);

    /// <summary>The Entra authority host whose tenant metadata signs tokens from Entra issuers.</summary>
    public Uri EntraAuthority { get; set; } = new("https://login.microsoftonline.com");

    /// <summary>The client apps whose Entra tokens may deliver activities (azp, or appid in v1
    /// tokens); null means the documented default, the Agent 365 platform.</summary>
    public IList<string>? EntraCallerAppIds { get; set; }

    /// <summary>The hosts a conversation's service URL may name (HTTPS only); null means the
    /// public Teams service, smba.trafficmanager.net. Government clouds add theirs.</summary>
    public IList<string>? ServiceUrlHosts { get; set; }

    /// <summary>Tenants whose activities the bot serves, besides <see cref="TenantId"/> and the
    /// tenants of the people in Partnership:People.</summary>
    public IList<string>? AllowedTenantIds { get; set; }

    public bool IsDevelopmentMode => DevelopmentMode && string.IsNullOrWhiteSpace(AppId);

    public IReadOnlyList<string> EffectiveEntraCallerAppIds => EntraCallerAppIds is { Count: > 0 } configured ? [.. configured] : [Agent365PlatformAppId];

    public IReadOnlyList<string> EffectiveServiceUrlHosts => ServiceUrlHosts is { Count: > 0 } configured ? [.. configured] : [TeamsServiceUrlHost];

    /// <summary>The audiences Teams uses for this bot (teams.net BotConfig).</summary>
    public IReadOnlyList<string> ValidAudiences => [AppId!, $"api://{AppId}", $"api://botid-{AppId}"];

    /// <summary>The tenant's Entra v2 and v1 issuers.</summary>
    public IReadOnlyList<string> EntraIssuers => [$"https://login.microsoftonline.com/{TenantId}/v2.0", $"https://sts.windows.net/{TenantId}/"];

    public Uri EntraMetadataUrl => new(EntraAuthority, $"{TenantId}/v2.0/.well-known/openid-configuration");

    /// <summary>Stops start-up with a sentence when the settings contradict each other or leave
    /// the bot with no way to authenticate.</summary>
    public void Validate()
    {
        var hasAppId = !string.IsNullOrWhiteSpace(AppId);
        if (DevelopmentMode && hasAppId)
        {
            throw new InvalidOperationException(
                "Bot:DevelopmentMode is on but Bot:AppId is set: development mode turns authentication off, so it cannot be combined with a registered bot. Remove one of them.");
        }

        if (!DevelopmentMode && !hasAppId)
        {
            throw new InvalidOperationException(
                "Bot:AppId is empty, so the bot cannot check who sends it activities. Set Bot:AppId and Bot:TenantId for Teams, or Bot:DevelopmentMode=true for the local Agents Playground (loopback only).");
        }

        if (hasAppId && string.IsNullOrWhiteSpace(TenantId))
        {
            throw new InvalidOperationException(
                "Bot:AppId is set but Bot:TenantId is empty: single-tenant and managed-identity bots need the tenant id to check Entra tokens and to get app tokens.");
        }
    }
}

public enum BotAppType
{
    SingleTenant,
    UserAssignedMSI,
}
