namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>An email that may answer an information request, as read from the partnership mailbox.</summary>
public sealed record AgencyMail(
    string GraphId,
    string InternetMessageId,
    string Subject,
    string? FromAddress,
    DateTimeOffset ReceivedAt,
    string BodyText,
    IReadOnlyDictionary<string, string> Headers,
    string? ConversationId,
    IReadOnlyList<AgencyMailAttachment> Attachments)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An attachment; <paramref name="IsFile"/> is false for attached items and links, which carry no bytes.</summary>
public sealed record AgencyMailAttachment(string Name, string ContentType, long Size, bool IsFile, ReadOnlyMemory<byte> Content);
