using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace TeamsReviewBot.GraphIntegration.Client;

/// <summary>
/// Builds the GraphServiceClient. The SDK's own middleware (redirects, compression, headers) is
/// kept; its RetryHandler is replaced by <see cref="MailboxThrottleHandler"/>, which also retries
/// 429 and 503 honouring Retry-After but adds jitter, pauses the whole mailbox while Graph asks it
/// to wait, and keeps to 4 requests in flight per mailbox (see docs/graph-behaviour.md).
/// </summary>
public static class GraphClientBuilder
{
    private static readonly string[] GraphScopes = ["https://graph.microsoft.com/.default"];

    public static GraphServiceClient Create(GraphConnection connection, TimeProvider time, HttpMessageHandler? finalHandler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var http = CreateHttpClient(connection, time, finalHandler);
        return new GraphServiceClient(http, CreateAuthentication(connection), connection.BaseUrl);
    }

    public static HttpClient CreateHttpClient(GraphConnection connection, TimeProvider time, HttpMessageHandler? finalHandler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handlers = GraphClientFactory.CreateDefaultHandlers()
            .Where(h => h is not RetryHandler)
            .ToList();
        handlers.Insert(0, new MailboxThrottleHandler(connection, time));
        return GraphClientFactory.Create(handlers, finalHandler: finalHandler);
    }

    private static IAuthenticationProvider CreateAuthentication(GraphConnection connection)
    {
        if (connection.UseSandbox)
        {
            return new AnonymousAuthenticationProvider();
        }

        return new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(Credential(connection), null, null, true, GraphScopes);
    }

    /// <summary>
    /// An app registration's certificate or secret when configured (Graph:TenantId, Graph:ClientId and
    /// Graph:CertificatePath or Graph:ClientSecret); otherwise a managed identity: the user-assigned one
    /// named by Graph:ClientId, or whatever DefaultAzureCredential finds (AZURE_CLIENT_ID on App Service).
    /// </summary>
    internal static TokenCredential Credential(GraphConnection connection)
    {
        var registration = !string.IsNullOrWhiteSpace(connection.TenantId) && !string.IsNullOrWhiteSpace(connection.ClientId);
        if (registration && !string.IsNullOrWhiteSpace(connection.CertificatePath))
        {
            return new ClientCertificateCredential(connection.TenantId, connection.ClientId, connection.CertificatePath);
        }

        if (registration && !string.IsNullOrWhiteSpace(connection.ClientSecret))
        {
            return new ClientSecretCredential(connection.TenantId, connection.ClientId, connection.ClientSecret);
        }

        return !string.IsNullOrWhiteSpace(connection.ClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(connection.ClientId))
            : new DefaultAzureCredential();
    }
}
