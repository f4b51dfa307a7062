using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TeamsReviewBot.Teams;

/// <summary>Supplies the bearer token for calls to a conversation's service URL; none in the
/// loopback development mode, where the Agents Playground accepts unauthenticated replies.</summary>
public interface IConnectorTokenSource
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

public sealed class NoConnectorToken : IConnectorTokenSource
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>The id the connector gave a message the bot sent.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Calls the Bot Connector REST API (v3) at a conversation's service URL.</summary>
public sealed class ConnectorClient(HttpClient http, IConnectorTokenSource tokens)
{
    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken) =>
        PostAsync(ConversationUrl(serviceUrl, conversationId) + "/activities/" + Uri.EscapeDataString(activityId), reply, cancellationToken);

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        PostAsync(ConversationUrl(serviceUrl, conversationId) + "/activities", activity, cancellationToken);

    private static string ConversationUrl(string serviceUrl, string conversationId) =>
        serviceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(conversationId);

    private async Task<ResourceResponse> PostAsync(string url, Activity activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(activity, options: ActivityJson.Options),
        };
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException((int)response.StatusCode, url);
        }

        // Typing and some updates answer with no body.
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)?["id"]?.GetValue<string>());
    }
}

public sealed class ConnectorException(int status, string url)
    : Exception($"The Bot Connector answered {status} for {new Uri(url).GetLeftPart(UriPartial.Path)}.")
{
    public int Status { get; } = status;
}
