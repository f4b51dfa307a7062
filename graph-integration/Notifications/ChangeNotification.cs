using System.Text.Json.Serialization;

namespace TeamsReviewBot.GraphIntegration.Notifications;

/// <summary>
/// One item of a Graph webhook POST body {"value":[…]}: either a change notification (changeType,
/// resource, resourceData) or a lifecycle notification (lifecycleEvent). Both carry clientState.
/// </summary>
public sealed record ChangeNotification(
    [property: JsonPropertyName("subscriptionId")] string? SubscriptionId,
    [property: JsonPropertyName("subscriptionExpirationDateTime")] DateTimeOffset? SubscriptionExpirationDateTime,
    [property: JsonPropertyName("changeType")] string? ChangeType,
    [property: JsonPropertyName("resource")] string? Resource,
    [property: JsonPropertyName("resourceData")] NotificationResourceData? ResourceData,
    [property: JsonPropertyName("clientState")] string? ClientState,
    [property: JsonPropertyName("tenantId")] string? TenantId,
    [property: JsonPropertyName("lifecycleEvent")] string? LifecycleEvent)
{
    public bool IsLifecycle => !string.IsNullOrEmpty(LifecycleEvent);

    /// <summary>The message id: resourceData.id, or the last segment of Users/{id}/Messages/{id}.</summary>
    public string? MessageId =>
        ResourceData?.Id is { Length: > 0 } id
            ? id
            : Resource?.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 4 } parts && parts[^2].Equals("messages", StringComparison.OrdinalIgnoreCase)
                ? parts[^1]
                : null;

    /// <summary>The calendar event's id when the notification is about one (Users/{id}/Events/{id}).</summary>
    public string? EventId =>
        Resource?.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 4 } parts && parts[^2].Equals("events", StringComparison.OrdinalIgnoreCase)
            ? ResourceData?.Id is { Length: > 0 } id ? id : parts[^1]
            : null;
}

public sealed record NotificationResourceData(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("@odata.type")] string? ODataType);

public sealed record ChangeNotificationBatch([property: JsonPropertyName("value")] IReadOnlyList<ChangeNotification>? Value);

/// <summary>The lifecycle events Graph sends for Outlook resources.</summary>
public static class LifecycleEvents
{
    public const string ReauthorizationRequired = "reauthorizationRequired";
    public const string SubscriptionRemoved = "subscriptionRemoved";
    public const string Missed = "missed";
}
