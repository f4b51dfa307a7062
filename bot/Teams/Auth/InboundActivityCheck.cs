using System.Security.Claims;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Teams.Auth;

/// <summary>
/// What a valid token must also vouch for before the activity is believed. A token proves who
/// issued it and for which app, not that Teams sent this body: a Bot Framework token must name the
/// activity's service URL in its serviceurl claim (Microsoft's connector-to-bot rules); an Entra
/// token must come from a caller app Microsoft documents for the channel, about a tenant the
/// partnership lists. Every activity must be from Teams and point at a Bot Connector service URL.
/// </summary>
public sealed class InboundActivityCheck(IOptions<BotAuthOptions> bot, IOptions<PartnershipOptions> partnership, ServiceUrlPolicy serviceUrls)
{
    public const string TeamsChannelId = "msteams";

    /// <summary>Null when the activity may go on; otherwise the check it failed, for the log and the 401.</summary>
    public string? Refusal(ClaimsPrincipal caller, Activity activity)
    {
        if (activity.ServiceUrl is { } serviceUrl && !serviceUrls.IsAllowed(serviceUrl))
        {
            return "the activity's service URL is not a Bot Connector service URL";
        }

        if (bot.Value.IsDevelopmentMode)
        {
            return null;
        }

        if (!string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.Ordinal))
        {
            return "the activity is not from Microsoft Teams (channelId)";
        }

        var issuer = caller.FindFirst("iss")?.Value;
        return string.Equals(issuer, BotAuthOptions.BotFrameworkIssuer, StringComparison.OrdinalIgnoreCase)
            ? BotFrameworkRefusal(caller, activity)
            : EntraRefusal(caller, activity);
    }

    private static string? BotFrameworkRefusal(ClaimsPrincipal caller, Activity activity)
    {
        var claimed = caller.FindFirst("serviceurl")?.Value;
        if (claimed is null)
        {
            return "the Bot Framework token has no serviceurl claim";
        }

        return string.Equals(claimed.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? null
            : "the token's serviceurl claim does not match the activity's service URL";
    }

    private string? EntraRefusal(ClaimsPrincipal caller, Activity activity)
    {
        // v2 tokens name the calling app in azp, v1 tokens in appid.
        var callerApp = caller.FindFirst("azp")?.Value ?? caller.FindFirst("appid")?.Value;
        if (callerApp is null || !bot.Value.EffectiveEntraCallerAppIds.Contains(callerApp, StringComparer.OrdinalIgnoreCase))
        {
            return "the Entra token was requested by an app that does not deliver Teams activities";
        }

        if (activity.ServiceUrl is null)
        {
            return "the activity has no service URL";
        }

        var tenant = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
        return tenant is not null && ServedTenants().Contains(tenant, StringComparer.OrdinalIgnoreCase)
            ? null
            : "the activity's tenant is not one the partnership lists";
    }

    /// <summary>The bot's own tenant, Bot:AllowedTenantIds and every person's home tenant.</summary>
    private IEnumerable<string> ServedTenants() =>
        new[] { bot.Value.TenantId }
            .Concat(bot.Value.AllowedTenantIds ?? [])
            .Concat(partnership.Value.People.Select(p => p.TenantId))
            .OfType<string>();
}
