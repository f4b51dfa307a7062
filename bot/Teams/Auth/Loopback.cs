using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TeamsReviewBot.Teams.Auth;

/// <summary>
/// What stays on this machine: host names, URLs and the addresses the server listens on. Settings
/// that are safe only for this machine (development mode, a shifted clock) check with it.
/// </summary>
public static class Loopback
{
    /// <summary>"localhost", "127.0.0.1", "[::1]": a name or address that stays on this machine.</summary>
    public static bool IsHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public static bool IsUri(Uri uri) => uri.IsLoopback || IsHost(uri.Host);

    /// <summary>A Kestrel listening address; wildcards (http://[::]:80, http://0.0.0.0:80, http://+:80) are not loopback.</summary>
    public static bool IsListenAddress(string address)
    {
        var normalised = address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && IsUri(uri);
    }

    /// <summary>
    /// Once the server has bound its addresses: throws with <paramref name="refusal"/> (given the
    /// addresses beyond loopback) if any is, and otherwise says where it listens, for the log.
    /// </summary>
    public static string RequireListeningOnly(IServer server, Func<string, string> refusal)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(refusal);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsListenAddress(a)).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(refusal(string.Join(", ", exposed)));
        }

        return addresses.Count == 0 ? "(in-process test server)" : string.Join(", ", addresses);
    }
}
