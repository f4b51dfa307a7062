using System.Globalization;
using System.Text.Json.Nodes;

namespace GraphSandbox;

/// <summary>POST/GET/PATCH/DELETE /v1.0/subscriptions and /reauthorize, with Graph's checks.</summary>
internal static class SubscriptionEndpoints
{
    private const int MinimumMinutes = 45;

    public static void MapSubscriptionEndpoints(this WebApplication app)
    {
        app.MapPost("/v1.0/subscriptions", CreateAsync);
        app.MapGet("/v1.0/subscriptions", (SandboxState state) => Results.Json(new JsonObject
        {
            ["value"] = new JsonArray(state.Subscriptions.Select(s => (JsonNode?)s.ToJson()).ToArray()),
        }));
        app.MapGet("/v1.0/subscriptions/{id}", (string id, SandboxState state) =>
            state.FindSubscription(id) is { } s ? Results.Json(s.ToJson()) : GraphErrors.NotFound($"subscription {id}"));
        app.MapMethods("/v1.0/subscriptions/{id}", ["PATCH"], RenewAsync);
        app.MapDelete("/v1.0/subscriptions/{id}", (string id, SandboxState state) =>
            state.RemoveSubscription(id) ? Results.NoContent() : GraphErrors.NotFound($"subscription {id}"));
        app.MapPost("/v1.0/subscriptions/{id}/reauthorize", (string id, SandboxState state) =>
        {
            if (state.FindSubscription(id) is not { } s)
            {
                return GraphErrors.NotFound($"subscription {id}");
            }

            s.Reauthorizations++;
            return Results.NoContent();
        });
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SandboxState state, NotificationPusher pusher, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken);
        var resource = Get(body, "resource");
        var changeType = Get(body, "changeType");
        var notificationUrl = Get(body, "notificationUrl");
        var lifecycleUrl = Get(body, "lifecycleNotificationUrl");
        var clientState = Get(body, "clientState");
        if (resource is null || changeType is null || notificationUrl is null || Get(body, "expirationDateTime") is null)
        {
            return GraphErrors.Problem(400, "InvalidRequest", "resource, changeType, notificationUrl and expirationDateTime are required.");
        }

        if (clientState is { Length: > 128 })
        {
            return GraphErrors.Problem(400, "InvalidRequest", "clientState must be at most 128 characters.");
        }

        var (expiry, problem) = CheckExpiry(body, state);
        if (problem is not null)
        {
            return problem;
        }

        foreach (var url in new[] { notificationUrl, lifecycleUrl }.OfType<string>())
        {
            if (!await pusher.ValidateAsync(url, cancellationToken))
            {
                return GraphErrors.Problem(400, "ValidationError", $"Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. ({url})");
            }
        }

        var subscription = new SandboxSubscription
        {
            Id = Guid.NewGuid().ToString(),
            Resource = resource,
            ChangeType = changeType,
            NotificationUrl = notificationUrl,
            LifecycleNotificationUrl = lifecycleUrl,
            ClientState = clientState,
            ExpirationDateTime = expiry,
        };
        state.AddSubscription(subscription);
        return Results.Json(subscription.ToJson(), statusCode: 201);
    }

    private static async Task<IResult> RenewAsync(string id, HttpRequest request, SandboxState state, CancellationToken cancellationToken)
    {
        if (state.FindSubscription(id) is not { } subscription)
        {
            return GraphErrors.NotFound($"subscription {id}");
        }

        var body = await ReadAsync(request, cancellationToken);
        if (Get(body, "lifecycleNotificationUrl") is not null)
        {
            return GraphErrors.Problem(400, "InvalidRequest", "lifecycleNotificationUrl cannot be updated; delete and recreate the subscription.");
        }

        var (expiry, problem) = CheckExpiry(body, state);
        if (problem is not null)
        {
            return problem;
        }

        subscription.ExpirationDateTime = expiry;
        subscription.Reauthorizations++;
        return Results.Json(subscription.ToJson());
    }

    private static (DateTimeOffset Expiry, IResult? Problem) CheckExpiry(JsonObject body, SandboxState state)
    {
        if (!DateTimeOffset.TryParse(Get(body, "expirationDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiry))
        {
            return (default, GraphErrors.Problem(400, "InvalidRequest", "expirationDateTime is not a date."));
        }

        var now = state.Time.GetUtcNow();
        var max = state.Faults.MaxExpirationMinutes;
        if (expiry > now.AddMinutes(max))
        {
            return (default, GraphErrors.Problem(400, "ExtensionError", $"Subscription expiration can only be {max} minutes in the future."));
        }

        // Graph raises an expiry under 45 minutes to 45 minutes.
        return (expiry < now.AddMinutes(MinimumMinutes) ? now.AddMinutes(MinimumMinutes) : expiry, null);
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject ?? [];

    // The SDK writes camelCase, but read leniently as Graph does.
    internal static string? Get(JsonObject body, string name) =>
        body.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();
}
