using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace GraphSandbox;

/// <summary>
/// Pushes change and lifecycle notifications to the subscriber, in the background as Graph does,
/// dropping or duplicating them when told to. A 5xx or a refused connection is retried a few times.
/// </summary>
public sealed partial class NotificationPusher(IHttpClientFactory httpFactory, SandboxState state, ILogger<NotificationPusher> logger) : BackgroundService
{
    public const string HttpClientName = "notifications";
    private readonly Channel<(string Url, string Body)> _queue = Channel.CreateUnbounded<(string, string)>();

    public void MessageCreated(SandboxMailbox mailbox, SandboxMessage message)
    {
        foreach (var subscription in state.Subscriptions.Where(s =>
                     !s.IsEvents
                     && string.Equals(s.MailboxAddress, mailbox.Address, StringComparison.OrdinalIgnoreCase)
                     && s.ChangeType.Contains("created", StringComparison.OrdinalIgnoreCase)))
        {
            if (state.Faults.TakeDrop())
            {
                state.Stats.CountDropped();
                continue;
            }

            var notification = new JsonObject
            {
                ["subscriptionId"] = subscription.Id,
                ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                ["changeType"] = "created",
                ["resource"] = $"Users/{mailbox.Address}/Messages/{message.Id}",
                ["resourceData"] = new JsonObject
                {
                    ["@odata.type"] = "#Microsoft.Graph.Message",
                    ["@odata.id"] = $"Users/{mailbox.Address}/Messages/{message.Id}",
                    ["@odata.etag"] = "W/\"" + message.Json["changeKey"] + "\"",
                    ["id"] = message.Id,
                },
                ["clientState"] = subscription.ClientState,
                ["tenantId"] = "00000000-0000-0000-0000-0000000000aa",
            };
            var body = new JsonObject { ["value"] = new JsonArray(notification) }.ToJsonString();
            for (var copy = 0; copy < Math.Max(1, state.Faults.NotificationCopies); copy++)
            {
                _queue.Writer.TryWrite((subscription.NotificationUrl, body));
            }
        }
    }

    /// <summary>An organiser's event was created, updated (moved, an attendee answered, cancelled) or
    /// deleted: subscribers to users/{organiser}/events for that change type hear of it, without
    /// resource data, as Graph sends for Outlook events.</summary>
    public void EventChanged(SandboxEvent changed, string changeType)
    {
        foreach (var subscription in state.Subscriptions.Where(s =>
                     s.IsEvents
                     && string.Equals(s.MailboxAddress, changed.Organiser, StringComparison.OrdinalIgnoreCase)
                     && s.ChangeType.Split(',', StringSplitOptions.TrimEntries).Contains(changeType, StringComparer.OrdinalIgnoreCase)))
        {
            if (state.Faults.TakeDrop())
            {
                state.Stats.CountDropped();
                continue;
            }

            var notification = new JsonObject
            {
                ["subscriptionId"] = subscription.Id,
                ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                ["changeType"] = changeType,
                ["resource"] = $"Users/{changed.Organiser}/Events/{changed.Id}",
                ["resourceData"] = new JsonObject
                {
                    ["@odata.type"] = "#Microsoft.Graph.Event",
                    ["@odata.id"] = $"Users/{changed.Organiser}/Events/{changed.Id}",
                    ["@odata.etag"] = "W/\"" + changed.Json["changeKey"] + "\"",
                    ["id"] = changed.Id,
                },
                ["clientState"] = subscription.ClientState,
                ["tenantId"] = "00000000-0000-0000-0000-0000000000aa",
            };
            var body = new JsonObject { ["value"] = new JsonArray(notification) }.ToJsonString();
            for (var copy = 0; copy < Math.Max(1, state.Faults.NotificationCopies); copy++)
            {
                _queue.Writer.TryWrite((subscription.NotificationUrl, body));
            }
        }
    }

    public void Lifecycle(SandboxSubscription subscription, string lifecycleEvent)
    {
        if (subscription.LifecycleNotificationUrl is null)
        {
            return;
        }

        var notification = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            ["tenantId"] = "00000000-0000-0000-0000-0000000000aa",
            ["clientState"] = subscription.ClientState,
            ["lifecycleEvent"] = lifecycleEvent,
        };
        _queue.Writer.TryWrite((subscription.LifecycleNotificationUrl, new JsonObject { ["value"] = new JsonArray(notification) }.ToJsonString()));
    }

    /// <summary>Graph's validation handshake: POST {url}?validationToken=… must echo the token as text/plain within 10 s.</summary>
    public async Task<bool> ValidateAsync(string url, CancellationToken cancellationToken)
    {
        var token = "Validation: Testing client application reachability for subscription Request-Id: " + Guid.NewGuid();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var client = httpFactory.CreateClient(HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(10);
        try
        {
            using var content = new StringContent(string.Empty, Encoding.UTF8, "text/plain");
            using var response = await client.PostAsync(new Uri($"{url}{separator}validationToken={Uri.EscapeDataString(token)}"), content, cancellationToken);
            var echoed = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                && response.Content.Headers.ContentType?.MediaType == "text/plain"
                && echoed == token;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (url, body) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(url, body, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The sandbox is stopping: what is still queued is not delivered, as Graph's would not be to a stopped endpoint.
        }
    }

    private async Task DeliverAsync(string url, string body, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await client.PostAsync(new Uri(url), content, cancellationToken);
                if ((int)response.StatusCode < 500)
                {
                    state.Stats.CountDelivered();
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogDeliveryFailed(logger, url, attempt, ex.Message);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }

        state.Stats.CountDropped();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification to {Url} failed on attempt {Attempt}: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string url, int attempt, string reason);
}
