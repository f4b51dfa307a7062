using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsReviewBot.GraphIntegration.Teams;

/// <summary>What installing the app in a person's personal scope came to.</summary>
public abstract record PersonalAppInstallation
{
    /// <summary>The app is installed for the person (now, or it already was) and this is its chat with them.</summary>
    public sealed record Ready(string InstallationId, string ChatId, bool InstalledNow) : PersonalAppInstallation;

    /// <summary>Graph would not install it: not permitted in the tenant, a guest from another tenant,
    /// an unknown user or app. <see cref="Status"/> and <see cref="Code"/> are Graph's.</summary>
    public sealed record Refused(int Status, string Code, string Message) : PersonalAppInstallation;
}

/// <summary>
/// Installs the bot's Teams app in a user's personal scope so the bot can start a chat with someone
/// it has never talked to: POST /users/{id}/teamwork/installedApps with the catalog app id
/// (https://learn.microsoft.com/graph/api/userteamwork-post-installedapps), finding the installation
/// first so a second call is not a second install (GET installedApps filtered on teamsApp/id,
/// https://learn.microsoft.com/graph/api/userteamwork-list-installedapps), then the chat between the
/// user and the app (GET …/installedApps/{id}/chat,
/// https://learn.microsoft.com/graph/api/userscopeteamsappinstallation-get-chat).
/// </summary>
public sealed class PersonalAppInstaller(GraphServiceClient graph)
{
    public async Task<PersonalAppInstallation> EnsureInstalledAsync(string userId, string catalogAppId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(catalogAppId);
        try
        {
            var installedNow = false;
            var installationId = await FindAsync(userId, catalogAppId, cancellationToken).ConfigureAwait(false);
            if (installationId is null)
            {
                try
                {
                    await graph.Users[userId].Teamwork.InstalledApps.PostAsync(
                        new UserScopeTeamsAppInstallation
                        {
                            AdditionalData = new Dictionary<string, object>
                            {
                                ["teamsApp@odata.bind"] = graph.RequestAdapter.BaseUrl!.TrimEnd('/') + "/appCatalogs/teamsApps/" + catalogAppId,
                            },
                        },
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                    installedNow = true;
                }
                catch (ODataError conflict) when (conflict.ResponseStatusCode == 409)
                {
                    // Installed meanwhile (another instance, or the person added it): use that installation.
                }

                installationId = await FindAsync(userId, catalogAppId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Graph accepted the installation of app {catalogAppId} for user {userId} but does not list it.");
            }

            var chat = await graph.Users[userId].Teamwork.InstalledApps[installationId].Chat.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var chatId = chat?.Id ?? throw new InvalidOperationException($"Graph returned no chat for installation {installationId} of user {userId}.");
            return new PersonalAppInstallation.Ready(installationId, chatId, installedNow);
        }
        catch (ODataError refused) when (refused.ResponseStatusCode is 400 or 403 or 404)
        {
            return new PersonalAppInstallation.Refused(refused.ResponseStatusCode, refused.Error?.Code ?? "Unknown", refused.Error?.Message ?? refused.Message);
        }
    }

    private async Task<string?> FindAsync(string userId, string catalogAppId, CancellationToken cancellationToken)
    {
        var page = await graph.Users[userId].Teamwork.InstalledApps.GetAsync(
            r =>
            {
                r.QueryParameters.Expand = ["teamsApp"];
                r.QueryParameters.Filter = $"teamsApp/id eq '{catalogAppId.Replace("'", "''", StringComparison.Ordinal)}'";
            },
            cancellationToken).ConfigureAwait(false);
        return page?.Value?.FirstOrDefault(i => string.Equals(i.TeamsApp?.Id, catalogAppId, StringComparison.OrdinalIgnoreCase))?.Id;
    }
}
