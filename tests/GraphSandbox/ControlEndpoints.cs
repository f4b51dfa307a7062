using System.Text.Json.Nodes;

namespace GraphSandbox;

/// <summary>/sandbox/…: drop mail in, read what was sent, misbehave, fire lifecycle events, read counters.</summary>
internal static class ControlEndpoints
{
    public static void MapControlEndpoints(this WebApplication app)
    {
        app.MapPost("/sandbox/mailboxes/{address}/inbox", (string address, HttpRequest request, SandboxState state, NotificationPusher pusher, CancellationToken cancellationToken) =>
            DeliverAsync(address, SandboxMailbox.Inbox, request, state, pusher, cancellationToken));
        // Another folder (one an Outlook rule files mail into): the bot's subscription and delta
        // query watch the inbox only, so nothing tells the bot about it.
        app.MapPost("/sandbox/mailboxes/{address}/folders/{folder}", (string address, string folder, HttpRequest request, SandboxState state, NotificationPusher pusher, CancellationToken cancellationToken) =>
            DeliverAsync(address, folder, request, state, pusher, cancellationToken));
        app.MapPost("/sandbox/mailboxes/{address}/receives", (string address, SandboxState state) =>
        {
            state.Receives(address);
            return Results.NoContent();
        });
        app.MapGet("/sandbox/mailboxes/{address}/sent", (string address, SandboxState state) =>
            Results.Json(state.Mailbox(address).InFolder(SandboxMailbox.SentItems).Select(m => new
            {
                id = m.Id,
                internetMessageId = m.Json["internetMessageId"]?.GetValue<string>(),
                subject = m.Json["subject"]?.GetValue<string>(),
                to = Addresses(m.Json["toRecipients"]),
                cc = Addresses(m.Json["ccRecipients"]),
                body = m.Json["body"]?["content"]?.GetValue<string>(),
                sentDateTime = m.Json["sentDateTime"]?.GetValue<string>(),
                conversationId = m.Json["conversationId"]?.GetValue<string>(),
                attachments = m.Attachments.Select(a => new
                {
                    name = a["name"]?.GetValue<string>(),
                    contentType = a["contentType"]?.GetValue<string>(),
                    contentBytes = a["contentBytes"]?.GetValue<string>(),
                }),
            })));
        app.MapGet("/sandbox/mailboxes/{address}/inbox", (string address, SandboxState state) =>
            Results.Json(state.Mailbox(address).InFolder(SandboxMailbox.Inbox).Select(m => new
            {
                id = m.Id,
                internetMessageId = m.Json["internetMessageId"]?.GetValue<string>(),
                subject = m.Json["subject"]?.GetValue<string>(),
                attachments = m.Attachments.Count,
            })));
        app.MapGet("/sandbox/subscriptions", (SandboxState state) =>
            Results.Json(new JsonArray(state.Subscriptions.Select(s => (JsonNode?)s.ToJson()).ToArray())));
        app.MapPost("/sandbox/subscriptions/{id}/lifecycle/{lifecycleEvent}", Lifecycle);
        app.MapPost("/sandbox/faults", (FaultSettings settings, SandboxState state) =>
        {
            state.Faults.Apply(settings);
            return Results.Json(state.Faults.Describe());
        });
        app.MapDelete("/sandbox/faults", (SandboxState state) =>
        {
            state.Faults.Reset();
            return Results.Json(state.Faults.Describe());
        });
        app.MapGet("/sandbox/faults", (SandboxState state) => Results.Json(state.Faults.Describe()));
        app.MapGet("/sandbox/stats", (SandboxState state) => Results.Json(state.Stats.Describe()));
    }

    private static async Task<IResult> DeliverAsync(string address, string folder, HttpRequest request, SandboxState state, NotificationPusher pusher, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "message/rfc822", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: 415, title: "Send the mail as Content-Type: message/rfc822.");
        }

        (JsonObject Message, List<JsonObject> Attachments) parsed;
        try
        {
            // MimeKit reads synchronously: buffer the body first, as Kestrel forbids synchronous reads.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            parsed = Rfc822Import.Read(buffer, state.Time.GetUtcNow());
        }
        catch (FormatException ex)
        {
            return Results.Problem(statusCode: 400, title: "Not an RFC 822 message: " + ex.Message);
        }

        var box = state.Mailbox(address);
        var message = box.Add(folder, parsed.Message, parsed.Attachments);
        if (folder == SandboxMailbox.Inbox)
        {
            pusher.MessageCreated(box, message);
        }

        return Results.Json(new { id = message.Id, internetMessageId = message.Json["internetMessageId"]?.GetValue<string>() }, statusCode: 201);
    }

    /// <summary>Sends a lifecycle notification; subscriptionRemoved also deletes the subscription, as Graph would have.</summary>
    private static IResult Lifecycle(string id, string lifecycleEvent, SandboxState state, NotificationPusher pusher)
    {
        if (lifecycleEvent is not ("subscriptionRemoved" or "missed" or "reauthorizationRequired"))
        {
            return Results.Problem(statusCode: 400, title: "lifecycleEvent is one of subscriptionRemoved, missed, reauthorizationRequired.");
        }

        if (state.FindSubscription(id) is not { } subscription)
        {
            return Results.NotFound();
        }

        if (lifecycleEvent == "subscriptionRemoved")
        {
            state.RemoveSubscription(id);
        }

        pusher.Lifecycle(subscription, lifecycleEvent);
        return Results.Accepted();
    }

    private static string[] Addresses(JsonNode? recipients) =>
        recipients is JsonArray array
            ? array.Select(r => r?["emailAddress"]?["address"]?.GetValue<string>()).OfType<string>().ToArray()
            : [];
}
