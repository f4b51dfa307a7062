using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MimeKit;

namespace GraphSandbox;

/// <summary>Turns an RFC 822 message into the Graph message resource and its fileAttachments.</summary>
public static class Rfc822Import
{
    public static (JsonObject Message, List<JsonObject> Attachments) Read(Stream rfc822, DateTimeOffset receivedAt)
    {
        var mime = MimeMessage.Load(rfc822);
        var text = mime.TextBody;
        var html = mime.HtmlBody;
        var body = text is not null
            ? new JsonObject { ["contentType"] = "text", ["content"] = text }
            : new JsonObject { ["contentType"] = "html", ["content"] = html ?? string.Empty };
        var plain = text ?? html ?? string.Empty;
        var from = mime.From.Mailboxes.FirstOrDefault();
        var internetMessageId = string.IsNullOrEmpty(mime.MessageId) ? $"<{Guid.NewGuid():N}@sandbox.local>" : $"<{mime.MessageId}>";

        var headers = new JsonArray();
        foreach (var header in mime.Headers)
        {
            headers.Add(new JsonObject { ["name"] = header.Field, ["value"] = header.Value });
        }

        var attachments = new List<JsonObject>();
        foreach (var part in mime.Attachments.OfType<MimePart>())
        {
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var bytes = content.ToArray();
            attachments.Add(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.fileAttachment",
                ["id"] = "AAMkATT" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
                ["name"] = part.FileName ?? "attachment",
                ["contentType"] = part.ContentType.MimeType,
                ["size"] = bytes.Length,
                ["isInline"] = false,
                ["lastModifiedDateTime"] = Iso(receivedAt),
                ["contentBytes"] = Convert.ToBase64String(bytes),
            });
        }

        var sent = mime.Date == DateTimeOffset.MinValue ? receivedAt : mime.Date;
        var message = new JsonObject
        {
            ["createdDateTime"] = Iso(receivedAt),
            ["lastModifiedDateTime"] = Iso(receivedAt),
            ["receivedDateTime"] = Iso(receivedAt),
            ["sentDateTime"] = Iso(sent),
            ["hasAttachments"] = attachments.Count > 0,
            ["internetMessageId"] = internetMessageId,
            ["subject"] = mime.Subject ?? string.Empty,
            ["bodyPreview"] = plain.Length > 255 ? plain[..255] : plain,
            ["importance"] = "normal",
            ["conversationId"] = ConversationId(mime.Subject),
            ["isRead"] = false,
            ["isDraft"] = false,
            ["body"] = body,
            ["sender"] = Recipient(from),
            ["from"] = Recipient(from),
            ["toRecipients"] = Recipients(mime.To.Mailboxes),
            ["ccRecipients"] = Recipients(mime.Cc.Mailboxes),
            ["replyTo"] = Recipients(mime.ReplyTo.Mailboxes),
            ["internetMessageHeaders"] = headers,
        };
        return (message, attachments);
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Graph groups by a conversation; here the normalised subject stands in for it.</summary>
    public static string ConversationId(string? subject)
    {
        var normalised = (subject ?? string.Empty).Trim();
        while (true)
        {
            var stripped = System.Text.RegularExpressions.Regex.Replace(normalised, "^(re|fw|fwd)\\s*:\\s*", string.Empty, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            if (stripped == normalised)
            {
                break;
            }

            normalised = stripped;
        }

        return "AAQkAD" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised.ToUpperInvariant())))[..24];
    }

    private static JsonObject? Recipient(MailboxAddress? address) => address is null
        ? null
        : new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = string.IsNullOrEmpty(address.Name) ? address.Address : address.Name, ["address"] = address.Address } };

    private static JsonArray Recipients(IEnumerable<MailboxAddress> addresses) => new(addresses.Select(a => (JsonNode?)Recipient(a)).ToArray());
}
