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

        if (string.IsNullOrWhiteSpace(connection.TenantId) || string.IsNullOrWhiteSpace(connection.ClientId))
        {
            throw new InvalidOperationException("Graph: set Graph:TenantId and Graph:ClientId (and a secret or certificate), or Graph:UseSandbox=true for the local sandbox.");
        }

        TokenCredential credential = !string.IsNullOrWhiteSpace(connection.CertificatePath)
            ? new ClientCertificateCredential(connection.TenantId, connection.ClientId, connection.CertificatePath)
            : !string.IsNullOrWhiteSpace(connection.ClientSecret)
                ? new ClientSecretCredential(connection.TenantId, connection.ClientId, connection.ClientSecret)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(connection.ClientId));
        return new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(credential, null, null, true, GraphScopes);
    }
}
