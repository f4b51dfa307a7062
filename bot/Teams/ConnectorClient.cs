using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsReviewBot.Teams.Auth;

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

/// <summary>What createConversation answered: the conversation (for a channel thread
/// "{channelId};messageid={id}") and the id of the first message, when one was sent.</summary>
public sealed record ConversationResourceResponse(string Id, string? ActivityId);

/// <summary>
/// Calls the Bot Connector REST API (v3) at a conversation's service URL. Retries, back-off and
/// per-thread pacing live in the HttpClient's handlers; this class only speaks the protocol. It never
/// calls (and so never sends its token to) a service URL that is not the Bot Connector's.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IConnectorTokenSource tokens, ServiceUrlPolicy serviceUrls)
{
    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken) =>
        SendForIdAsync(HttpMethod.Post, ConversationUrl(serviceUrl, conversationId) + "/activities/" + Uri.EscapeDataString(activityId), reply, cancellationToken);

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendForIdAsync(HttpMethod.Post, ConversationUrl(serviceUrl, conversationId) + "/activities", activity, cancellationToken);

    /// <summary>Replaces a message the bot sent earlier (e.g. the shared copy of a card).</summary>
    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        return SendForIdAsync(HttpMethod.Put, ConversationUrl(serviceUrl, conversationId) + "/activities/" + Uri.EscapeDataString(activityId), activity, cancellationToken);
    }

    /// <summary>Starts a new thread in a channel: createConversation with isGroup, the channel and
    /// the first message (Teams answers 400 without an activity).</summary>
    public Task<ConversationResourceResponse> StartChannelThreadAsync(string serviceUrl, string tenantId, string teamId, string channelId, Activity first, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["isGroup"] = true,
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["team"] = new JsonObject { ["id"] = teamId },
                ["tenant"] = new JsonObject { ["id"] = tenantId },
            },
            ["activity"] = System.Text.Json.JsonSerializer.SerializeToNode(first, ActivityJson.Options),
        };
        return CreateConversationAsync(serviceUrl, body, cancellationToken);
    }

    /// <summary>Opens (or finds: Teams answers with the same id every time) the 1:1 chat between
    /// the bot and a user, given the user's Teams id (29:…).</summary>
    public Task<ConversationResourceResponse> OpenPersonalChatAsync(string serviceUrl, string tenantId, string botId, string userId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        return CreateConversationAsync(serviceUrl, body, cancellationToken);
    }

    private static string ConversationUrl(string serviceUrl, string conversationId) =>
        serviceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(conversationId);

    private async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, JsonObject body, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Post, serviceUrl.TrimEnd('/') + "/v3/conversations", JsonContent.Create(body, options: ActivityJson.Options), cancellationToken).ConfigureAwait(false);
        var id = json?["id"]?.GetValue<string>() ?? throw new ConnectorException(200, serviceUrl + "/v3/conversations", "NoConversationId");
        return new ConversationResourceResponse(id, json?["activityId"]?.GetValue<string>());
    }

    private async Task<ResourceResponse> SendForIdAsync(HttpMethod method, string url, Activity activity, CancellationToken cancellationToken)
    {
        var json = await SendAsync(method, url, JsonContent.Create(activity, options: ActivityJson.Options), cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(json?["id"]?.GetValue<string>());
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string url, HttpContent content, CancellationToken cancellationToken)
    {
        if (!serviceUrls.IsAllowed(url))
        {
            throw new UntrustedServiceUrlException(url);
        }

        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // Typing and some updates answer with no body.
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? json = null;
        try
        {
            json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            // A proxy's HTML error page: the status code says enough.
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException((int)response.StatusCode, url, ErrorCode(json));
        }

        return json;
    }

    private static string? ErrorCode(JsonNode? json) =>
        json is JsonObject o && o["error"] is JsonObject e && e["code"] is JsonValue code && code.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>The Bot Connector refused a call. 403 usually means the bot is not (or no longer) in
/// the conversation (BotNotInConversationRoster); 404 that the conversation does not exist.</summary>
public sealed class ConnectorException(int status, string url, string? errorCode = null)
    : Exception($"The Bot Connector answered {status}{(errorCode is null ? string.Empty : " " + errorCode)} for {new Uri(url).GetLeftPart(UriPartial.Path)}.")
{
    public int Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;

    /// <summary>The bot cannot reach this conversation at all; retrying will not help.</summary>
    public bool IsUnreachableConversation => Status is 403 or 404;
}
