using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>Reads one message with its attachments and internet headers in a single request.</summary>
public sealed class MailboxReader(GraphServiceClient graph)
{
    private static readonly string[] Fields =
    [
        "id", "internetMessageId", "subject", "from", "sender", "receivedDateTime", "body",
        "internetMessageHeaders", "webLink", "conversationId", "hasAttachments",
    ];

    /// <summary>Returns null when the message no longer exists (deleted or moved since it was announced).</summary>
    public async Task<InboundMail?> GetAsync(string mailbox, string messageId, CancellationToken cancellationToken = default)
    {
        Message? message;
        try
        {
            message = await graph.Users[mailbox].Messages[messageId].GetAsync(
                request =>
                {
                    request.QueryParameters.Select = Fields;
                    request.QueryParameters.Expand = ["attachments"];
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            return null;
        }

        return message is null ? null : ToInbound(message);
    }

    internal static InboundMail ToInbound(Message message)
    {
        var attachments = (message.Attachments ?? [])
            .Select(a => a is FileAttachment file
                ? new MailAttachment(file.Name ?? "attachment", file.ContentType ?? "application/octet-stream", file.Size ?? file.ContentBytes?.Length ?? 0, true, file.ContentBytes ?? [])
                : new MailAttachment(a.Name ?? "item", a.ContentType ?? "application/octet-stream", a.Size ?? 0, false, ReadOnlyMemory<byte>.Empty))
            .ToList();
        var headers = (message.InternetMessageHeaders ?? [])
            .Where(h => h.Name is not null)
            .Select(h => new MailHeader(h.Name!, h.Value ?? string.Empty))
            .ToList();
        var from = message.From?.EmailAddress ?? message.Sender?.EmailAddress;
        return new InboundMail(
            message.Id ?? string.Empty,
            message.InternetMessageId ?? message.Id ?? string.Empty,
            message.Subject ?? string.Empty,
            from?.Address,
            from?.Name,
            message.ReceivedDateTime ?? DateTimeOffset.MinValue,
            message.Body?.Content ?? string.Empty,
            message.Body?.ContentType == BodyType.Html,
            headers,
            attachments,
            message.WebLink,
            message.ConversationId);
    }
}
