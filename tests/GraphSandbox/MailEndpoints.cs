using System.Buffers.Text;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GraphSandbox;

/// <summary>The mail calls: folder listings, inbox delta, messages with attachments, drafts, send, reply, sendMail.</summary>
internal static class MailEndpoints
{
    private const int DefaultPageSize = 10;

    public static void MapMailEndpoints(this WebApplication app)
    {
        app.MapGet("/v1.0/users/{mailbox}/mailFolders/{folder}/messages", ListFolder);
        app.MapGet("/v1.0/users/{mailbox}/mailFolders/{folder}/messages/{operation}", Delta);
        app.MapGet("/v1.0/users/{mailbox}/messages", ListMailbox);
        app.MapGet("/v1.0/users/{mailbox}/messages/{id}", GetMessage);
        app.MapGet("/v1.0/users/{mailbox}/messages/{id}/attachments", ListAttachments);
        app.MapGet("/v1.0/users/{mailbox}/messages/{id}/attachments/{attachmentId}", GetAttachment);
        app.MapPost("/v1.0/users/{mailbox}/messages", CreateDraftAsync);
        app.MapPost("/v1.0/users/{mailbox}/messages/{id}/send", Send);
        app.MapPost("/v1.0/users/{mailbox}/messages/{id}/reply", ReplyAsync);
        app.MapPost("/v1.0/users/{mailbox}/sendMail", SendMailAsync);
    }

    private static IResult ListFolder(string mailbox, string folder, HttpRequest request, SandboxState state)
    {
        var skip = int.TryParse(request.Query["$skip"], out var s) ? s : 0;
        var top = int.TryParse(request.Query["$top"], out var t) ? t : DefaultPageSize;
        var all = state.Mailbox(mailbox).InFolder(folder);
        var page = all.Skip(skip).Take(top).Select(m => (JsonNode?)Project(m, request)).ToArray();
        var result = new JsonObject { ["value"] = new JsonArray(page) };
        if (skip + top < all.Count)
        {
            result["@odata.nextLink"] = $"{Base(request)}/users/{mailbox}/mailFolders/{folder}/messages?$skip={skip + top}&$top={top}";
        }

        return Results.Json(result);
    }

    private static readonly string[] DeltaKeeps = ["$select", "$expand"];

    /// <summary>messages/delta (the SDK calls it delta()): everything after the token, a page at a time.</summary>
    private static IResult Delta(string mailbox, string folder, string operation, HttpRequest request, SandboxState state)
    {
        if (operation is not ("delta" or "delta()"))
        {
            return GraphErrors.Problem(400, "BadRequest", $"Unsupported segment '{operation}'.");
        }

        var after = long.TryParse(request.Query["$skiptoken"].FirstOrDefault() ?? request.Query["$deltatoken"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var token) ? token : 0;
        var pageSize = PageSize(request);
        var box = state.Mailbox(mailbox);
        var changes = box.InFolder(folder, after);
        var page = changes.Take(pageSize).ToList();
        var result = new JsonObject
        {
            ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#Collection(message)",
            ["value"] = new JsonArray(page.Select(m => (JsonNode?)Project(m, request, state)).ToArray()),
        };
        var link = $"{Base(request)}/users/{mailbox}/mailFolders/{folder}/messages/delta()";
        // Like Graph, the first request's $select and $expand hold for the whole round and the next.
        var kept = string.Concat(DeltaKeeps
            .Where(name => !string.IsNullOrEmpty(request.Query[name].ToString()))
            .Select(name => $"&{name}={Uri.EscapeDataString(request.Query[name].ToString())}"));
        if (changes.Count > page.Count)
        {
            result["@odata.nextLink"] = $"{link}?$skiptoken={page[^1].Sequence}{kept}";
        }
        else
        {
            // The delta token marks everything seen so far in this mailbox.
            var mark = page.Count > 0 ? page[^1].Sequence : Math.Max(after, box.LastSequence);
            result["@odata.deltaLink"] = $"{link}?$deltatoken={mark}{kept}";
        }

        return Results.Json(result);
    }

    /// <summary>
    /// The whole mailbox (every folder, drafts included), filtered as Graph filters on
    /// internetMessageId: the one filter the bot uses here. Anything else is refused, not ignored.
    /// </summary>
    private static IResult ListMailbox(string mailbox, HttpRequest request, SandboxState state)
    {
        var filter = request.Query["$filter"].ToString();
        var match = System.Text.RegularExpressions.Regex.Match(filter, @"^\s*internetMessageId\s+eq\s+'((?:[^']|'')*)'\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!match.Success)
        {
            return GraphErrors.Problem(400, "ErrorInvalidUrlQueryFilter", $"The sandbox filters the mailbox on internetMessageId only, not '{filter}'.");
        }

        var wanted = match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal);
        var found = state.Mailbox(mailbox).All()
            .Where(m => string.Equals(m.Json["internetMessageId"]?.GetValue<string>(), wanted, StringComparison.Ordinal))
            .Select(m => (JsonNode?)Project(m, request))
            .ToArray();
        return Results.Json(new JsonObject { ["value"] = new JsonArray(found) });
    }

    /// <summary>Sends the draft; a lost-answer fault sends it and then answers 504, as a gateway that timed out after the work was done.</summary>
    private static IResult Send(string mailbox, string id, SandboxState state)
    {
        if (state.Mailbox(mailbox).MoveToSent(id, state.Time.GetUtcNow()) is not { } sent)
        {
            return GraphErrors.NotFound($"message {id}");
        }

        DeliverToReceivers(sent, state);

        return state.Faults.TakeLostSendAnswer()
            ? GraphErrors.Problem(504, "GatewayTimeout", "The request timed out on its way back.")
            : Results.Accepted();
    }

    /// <summary>A copy of the sent message lands in the inbox of each recipient the sandbox was told receives
    /// mail, with the same internetMessageId, as delivery keeps it.</summary>
    private static void DeliverToReceivers(SandboxMessage sent, SandboxState state)
    {
        var recipients = (sent.Json["toRecipients"] as JsonArray ?? [])
            .Select(r => r?["emailAddress"]?["address"]?.GetValue<string>())
            .Where(a => a is not null && state.IsReceiver(a))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var address in recipients)
        {
            var copy = (JsonObject)sent.Json.DeepClone();
            copy["receivedDateTime"] = copy["sentDateTime"]?.DeepClone();
            state.Mailbox(address!).Add(SandboxMailbox.Inbox, copy, [.. sent.Attachments.Select(a => (JsonObject)a.DeepClone())]);
        }
    }

    private static IResult GetMessage(string mailbox, string id, HttpRequest request, SandboxState state) =>
        state.Mailbox(mailbox).Find(id) is { } m ? Results.Json(Project(m, request, state)) : GraphErrors.NotFound($"message {id}");

    /// <summary>
    /// The attachment list. Like Graph, $select trims each item to the properties named, and
    /// "@odata.type" and id always come back (the SDK needs the type to tell a fileAttachment from an
    /// item or reference attachment); without $select each item carries its contentBytes.
    /// </summary>
    private static IResult ListAttachments(string mailbox, string id, HttpRequest request, SandboxState state)
    {
        if (state.Mailbox(mailbox).Find(id) is not { } message)
        {
            return GraphErrors.NotFound($"message {id}");
        }

        var items = message.Attachments.Select(a => (JsonNode?)ProjectAttachment(a, request, state)).ToArray();
        return Results.Json(new JsonObject { ["value"] = new JsonArray(items) });
    }

    private static IResult GetAttachment(string mailbox, string id, string attachmentId, HttpRequest request, SandboxState state)
    {
        if (state.Mailbox(mailbox).Find(id) is not { } message)
        {
            return GraphErrors.NotFound($"message {id}");
        }

        return message.Attachments.FirstOrDefault(a => a["id"]?.GetValue<string>() == attachmentId) is { } attachment
            ? Results.Json(ProjectAttachment(attachment, request, state))
            : GraphErrors.NotFound($"attachment {attachmentId}");
    }

    private static JsonObject ProjectAttachment(JsonObject attachment, HttpRequest? request, SandboxState? state) =>
        ProjectAttachment(attachment, request?.Query["$select"].ToString(), state);

    private static JsonObject ProjectAttachment(JsonObject attachment, string? select, SandboxState? state)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            CountContentServed(attachment, state);
            return (JsonObject)attachment.DeepClone();
        }

        var wanted = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        wanted.Add("@odata.type");
        wanted.Add("id");
        var projected = new JsonObject();
        foreach (var (key, value) in attachment)
        {
            if (wanted.Contains(key))
            {
                projected[key] = value?.DeepClone();
            }
        }

        if (projected.ContainsKey("contentBytes"))
        {
            CountContentServed(attachment, state);
        }

        return projected;
    }

    private static void CountContentServed(JsonObject attachment, SandboxState? state)
    {
        if (attachment["contentBytes"] is not null)
        {
            var size = long.TryParse(attachment["size"]?.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            state?.Stats.CountAttachmentContentServed(size);
        }
    }

    /// <summary>
    /// Why a file sent with a draft would be refused, as Graph refuses it: a file attachment must say it
    /// is one ("@odata.type": "#microsoft.graph.fileAttachment"; the base attachment type has no
    /// contentBytes) and carry its name and base64 content.
    /// </summary>
    private static string? UnfitFile(JsonObject body)
    {
        foreach (var file in (body["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(file["@odata.type"]) != "#microsoft.graph.fileAttachment")
            {
                return "The property 'contentBytes' does not exist on type 'microsoft.graph.attachment'. Make sure to only use property names that are defined by the type or mark the type as open type.";
            }

            if (string.IsNullOrWhiteSpace(Text(file["name"])) || Text(file["contentBytes"]) is not { } content)
            {
                return "A file attachment needs its name and contentBytes.";
            }

            if (!Base64.IsValid(content))
            {
                return "The contentBytes of a file attachment are not base64.";
            }
        }

        return null;

        static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static async Task<IResult> CreateDraftAsync(string mailbox, HttpRequest request, SandboxState state, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject ?? [];
        if (UnfitFile(body) is { } unfit)
        {
            return GraphErrors.Problem(400, "RequestBodyRead", unfit);
        }

        var now = Rfc822Import.Iso(state.Time.GetUtcNow());
        body.Remove("@odata.type");
        body["createdDateTime"] = now;
        body["lastModifiedDateTime"] = now;
        body["isDraft"] = true;
        // Graph keeps an internetMessageId given with the draft (it may be set while isDraft is true).
        if (body["internetMessageId"]?.GetValue<string>() is not { Length: > 0 })
        {
            body["internetMessageId"] = $"<{Guid.NewGuid():N}@sandbox.local>";
        }

        body["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = mailbox, ["address"] = mailbox } };
        body["sender"] = body["from"]!.DeepClone();
        body["conversationId"] = Rfc822Import.ConversationId(body["subject"]?.GetValue<string>());

        // Files sent with the draft become its attachments, as Graph stores them (with id and size).
        var attachments = new List<JsonObject>();
        if (body["attachments"] is JsonArray inline)
        {
            foreach (var node in inline.OfType<JsonObject>())
            {
                var attachment = (JsonObject)node.DeepClone();
                attachment["id"] = "AAMkATT" + Guid.NewGuid().ToString("N")[..16];
                // Checked as base64 above: its decoded length is the file's size, without decoding it again.
                Base64.IsValid(attachment["contentBytes"]!.GetValue<string>(), out var size);
                attachment["size"] = size;
                attachment["isInline"] = false;
                attachment["lastModifiedDateTime"] = now;
                attachments.Add(attachment);
            }

            body.Remove("attachments");
        }

        body["hasAttachments"] = attachments.Count > 0;
        var message = state.Mailbox(mailbox).Add(SandboxMailbox.Drafts, body, attachments);
        return Results.Json(Project(message, null), statusCode: 201);
    }

    private static async Task<IResult> ReplyAsync(string mailbox, string id, HttpRequest request, SandboxState state, CancellationToken cancellationToken)
    {
        var box = state.Mailbox(mailbox);
        if (box.Find(id) is not { } original)
        {
            return GraphErrors.NotFound($"message {id}");
        }

        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject ?? [];
        var originalId = original.Json["internetMessageId"]?.GetValue<string>() ?? string.Empty;
        var reply = new JsonObject
        {
            ["subject"] = "RE: " + original.Json["subject"]?.GetValue<string>(),
            ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = body["comment"]?.GetValue<string>() ?? string.Empty },
            ["toRecipients"] = new JsonArray(original.Json["from"]?.DeepClone()),
            ["internetMessageHeaders"] = new JsonArray(
                new JsonObject { ["name"] = "In-Reply-To", ["value"] = originalId },
                new JsonObject { ["name"] = "References", ["value"] = originalId }),
        };
        StoreSent(box, reply, state);
        return Results.Accepted();
    }

    private static async Task<IResult> SendMailAsync(string mailbox, HttpRequest request, SandboxState state, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject ?? [];
        var message = body.FirstOrDefault(kv => kv.Key.Equals("message", StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        if (message is null)
        {
            return GraphErrors.Problem(400, "ErrorInvalidRequest", "message is required.");
        }

        // Like a draft's create, sendMail keeps an internetMessageId given with the message.
        var given = message["internetMessageId"]?.GetValue<string>();
        var sent = StoreSent(state.Mailbox(mailbox), (JsonObject)message.DeepClone(), state, given);
        DeliverToReceivers(sent, state);
        return state.Faults.TakeLostSendAnswer()
            ? GraphErrors.Problem(504, "GatewayTimeout", "The request timed out on its way back.")
            : Results.Accepted();
    }

    private static SandboxMessage StoreSent(SandboxMailbox box, JsonObject message, SandboxState state, string? internetMessageId = null)
    {
        var now = Rfc822Import.Iso(state.Time.GetUtcNow());
        message.Remove("@odata.type");
        message["createdDateTime"] = now;
        message["sentDateTime"] = now;
        message["isDraft"] = false;
        message["internetMessageId"] = string.IsNullOrWhiteSpace(internetMessageId) ? $"<{Guid.NewGuid():N}@sandbox.local>" : internetMessageId;
        message["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = box.Address, ["address"] = box.Address } };
        return box.Add(SandboxMailbox.SentItems, message, []);
    }

    /// <summary>Applies $select and $expand=attachments as Graph does; id is always returned.</summary>
    internal static JsonObject Project(SandboxMessage message, HttpRequest? request, SandboxState? state = null)
    {
        var select = request?.Query["$select"].ToString();
        var expand = request?.Query["$expand"].ToString() ?? string.Empty;
        JsonObject projected;
        if (string.IsNullOrWhiteSpace(select))
        {
            projected = (JsonObject)message.Json.DeepClone();

            // Like Graph, internetMessageHeaders only come back when selected.
            projected.Remove("internetMessageHeaders");
        }
        else
        {
            var wanted = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            projected = new JsonObject { ["id"] = message.Id };
            foreach (var (key, value) in message.Json)
            {
                if (wanted.Contains(key) && key != "id")
                {
                    projected[key] = value?.DeepClone();
                }
            }
        }

        projected["@odata.etag"] = "W/\"" + message.Json["changeKey"] + "\"";
        if (expand.Contains("attachments", StringComparison.OrdinalIgnoreCase))
        {
            // attachments($select=id,name,size): the list without content, as Graph trims it.
            var nested = System.Text.RegularExpressions.Regex.Match(expand, @"attachments\(\$select=([^)]*)\)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            var attachmentSelect = nested.Success ? nested.Groups[1].Value : null;
            projected["attachments"] = new JsonArray(message.Attachments.Select(a => (JsonNode?)ProjectAttachment(a, attachmentSelect, state)).ToArray());
        }

        return projected;
    }

    private static int PageSize(HttpRequest request)
    {
        foreach (var prefer in request.Headers["Prefer"])
        {
            foreach (var part in (prefer ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
            {
                if (part.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(part["odata.maxpagesize=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
                {
                    return size;
                }
            }
        }

        return DefaultPageSize;
    }

    // Paging links must point back at the sandbox: the SDK follows them verbatim.
    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}/v1.0";
}
