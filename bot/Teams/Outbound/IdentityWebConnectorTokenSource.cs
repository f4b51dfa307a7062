using Microsoft.Identity.Abstractions;

namespace TeamsReviewBot.Teams.Outbound;

/// <summary>
/// App tokens for the Bot Connector from Microsoft.Identity.Web. A single-tenant registration
/// proves itself with the credentials under Bot:ClientCredentials (client secret, certificate or
/// a managed identity's federated assertion); a UserAssignedMSI bot asks its managed identity
/// directly. Identity.Web caches the token and renews it before it expires.
/// </summary>
public sealed class IdentityWebConnectorTokenSource(IAuthorizationHeaderProvider headers, string? managedIdentityClientId) : IConnectorTokenSource
{
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>The named Identity.Web options that describe the bot's own registration.</summary>
    public const string OptionsName = "BotConnector";

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var options = new AuthorizationHeaderProviderOptions
        {
            AcquireTokenOptions = new AcquireTokenOptions
            {
                AuthenticationOptionsName = OptionsName,
                ManagedIdentity = managedIdentityClientId is null ? null : new ManagedIdentityOptions { UserAssignedClientId = managedIdentityClientId },
            },
        };
        var header = await headers.CreateAuthorizationHeaderForAppAsync(Scope, options, cancellationToken).ConfigureAwait(false);
        const string bearer = "Bearer ";
        return header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..] : header;
    }
}
