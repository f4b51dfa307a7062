using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Teams.Auth;

/// <summary>
/// Which service URLs the bot stores and calls with its Bot Framework token: HTTPS on the hosts the
/// Bot Connector uses for Teams (Bot:ServiceUrlHosts), and loopback in development mode for the
/// Agents Playground. Anything else could be an attacker's server collecting the bot's token.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotAuthOptions> options)
{
    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var bot = options.Value;
        if (bot.IsDevelopmentMode && Loopback.IsHost(uri.Host) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return true;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            && uri.IsDefaultPort
            && bot.EffectiveServiceUrlHosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The bot refused to call a service URL that is not the Bot Connector's.</summary>
public sealed class UntrustedServiceUrlException(string serviceUrl)
    : HttpRequestException($"{Describe(serviceUrl)} is not a Bot Connector service URL (Bot:ServiceUrlHosts): the bot neither stores it nor sends its token there.")
{
    private static string Describe(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "a malformed URL";
}
