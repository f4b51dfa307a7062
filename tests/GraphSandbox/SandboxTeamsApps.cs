using System.Collections.Concurrent;

namespace GraphSandbox;

/// <summary>An app installed in one user's personal scope, and the chat Teams keeps between them.</summary>
public sealed record SandboxAppInstallation(string Id, string User, string TeamsAppId, string ChatId, DateTimeOffset At);

/// <summary>
/// Apps installed in users' personal scopes. A test can mark a user as one the tenant will not
/// install apps for (a guest from another tenant, or an app permission policy that blocks it):
/// every installation call for them is then refused with 403, as Graph refuses it.
/// </summary>
public sealed class SandboxTeamsApps
{
    private readonly ConcurrentDictionary<string, SandboxAppInstallation> _installed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _refused = new(StringComparer.OrdinalIgnoreCase);
    private int _calls;

    /// <summary>How many installation calls (list, install, chat) reached the sandbox.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public void Refuse(string user, string message) => _refused[user] = message;

    public string? RefusalFor(string user)
    {
        Interlocked.Increment(ref _calls);
        return _refused.TryGetValue(user, out var message) ? message : null;
    }

    public IReadOnlyList<SandboxAppInstallation> Of(string user) =>
        [.. _installed.Values.Where(i => string.Equals(i.User, user, StringComparison.OrdinalIgnoreCase)).OrderBy(i => i.At)];

    public SandboxAppInstallation? Find(string user, string installationId) =>
        _installed.TryGetValue(installationId, out var found) && string.Equals(found.User, user, StringComparison.OrdinalIgnoreCase) ? found : null;

    /// <summary>Installs the app for the user; null when it is installed for them already (Graph's 409).</summary>
    public SandboxAppInstallation? Install(string user, string teamsAppId, DateTimeOffset at)
    {
        lock (_installed)
        {
            if (Of(user).Any(i => string.Equals(i.TeamsAppId, teamsAppId, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var installation = new SandboxAppInstallation(
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{user}##{teamsAppId}")))[..32],
                user,
                teamsAppId,
                $"19:{user}_{teamsAppId}@unq.gbl.spaces",
                at);
            _installed[installation.Id] = installation;
            return installation;
        }
    }
}
