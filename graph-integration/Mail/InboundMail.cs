namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>A received message as the bot needs it: identity, sender, body, headers and files.</summary>
public sealed record InboundMail(
    string Id,
    string InternetMessageId,
    string Subject,
    string? FromAddress,
    string? FromName,
    DateTimeOffset ReceivedAt,
    string Body,
    bool BodyIsHtml,
    IReadOnlyList<MailHeader> Headers,
    IReadOnlyList<MailAttachment> Attachments,
    string? WebLink,
    string? ConversationId)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
}

public sealed record MailHeader(string Name, string Value);

/// <summary>An attachment. <paramref name="IsFile"/> is false for item and reference attachments,
/// which carry no bytes; <paramref name="Id"/> is Graph's, for fetching bytes left unread.</summary>
public sealed record MailAttachment(string Name, string ContentType, long Size, bool IsFile, ReadOnlyMemory<byte> Content, string? Id = null);
