using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>
/// Reads one message with its internet headers, then, when it has attachments, in two steps: first
/// the list with sizes only ($select=id,name,size,contentType,isInline, no content), then the bytes
/// of each file attachment no larger than the caller's limit, one at a time. An oversized file is returned
/// with its size and no bytes, so the caller refuses it by size without it ever being downloaded.
/// A message the inbox delta already carried (<see cref="PrefetchedMessages"/>) is not read again, and
/// its attachment list came with it: only the bytes of its files are fetched.
/// </summary>
public sealed class MailboxReader(GraphServiceClient graph, PrefetchedMessages? prefetched = null)
{
    private const string FileAttachmentType = "#microsoft.graph.fileAttachment";

    /// <summary>What intake reads of a message, here and in the inbox delta.</summary>
    internal static readonly string[] Fields =
    [
        "id", "internetMessageId", "subject", "from", "sender", "receivedDateTime", "body",
        "internetMessageHeaders", "webLink", "conversationId", "hasAttachments",
    ];

    private static readonly string[] AttachmentListFields = ["id", "name", "size", "contentType", "isInline"];

    /// <summary>The attachment list with sizes and no content, expanded beside a message.</summary>
    internal static readonly string AttachmentListExpand = $"attachments($select={string.Join(',', AttachmentListFields)})";

    /// <summary>Returns null when the message no longer exists (deleted or moved since it was announced).</summary>
    public async Task<InboundMail?> GetAsync(string mailbox, string messageId, long maxAttachmentBytes, CancellationToken cancellationToken = default)
    {
        try
        {
            // A message the delta page carried comes with its attachment list; one read here does not.
            var message = prefetched?.Take(messageId) ?? await graph.Users[mailbox].Messages[messageId].GetAsync(
                request => request.QueryParameters.Select = Fields,
                cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                return null;
            }

            // hasAttachments leaves out inline attachments (pictures in the body), which are never a
            // form or a return, so a message without other attachments costs no second request.
            // The files are kept beside the message, not set on it: the Graph model's backing store
            // walks every byte of every file each time a list of attachments is set on a message.
            var files = message.HasAttachments == true
                ? await ReadFilesAsync(mailbox, messageId, message.Attachments ?? await ListAttachmentsAsync(mailbox, messageId, cancellationToken).ConfigureAwait(false), maxAttachmentBytes, cancellationToken).ConfigureAwait(false)
                : [];
            return ToInbound(message, files);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    private async Task<List<Attachment>> ListAttachmentsAsync(string mailbox, string messageId, CancellationToken cancellationToken)
    {
        var attachments = graph.Users[mailbox].Messages[messageId].Attachments;
        var listed = new List<Attachment>();
        var page = await attachments.GetAsync(request => request.QueryParameters.Select = AttachmentListFields, cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            listed.AddRange(page.Value ?? []);
            page = page.OdataNextLink is { } next
                ? await attachments.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
                : null;
        }

        return listed;
    }

    /// <summary>The listed attachments, each file no larger than the limit with its bytes (one request each).</summary>
    private async Task<List<Attachment>> ReadFilesAsync(string mailbox, string messageId, List<Attachment> listed, long maxAttachmentBytes, CancellationToken cancellationToken)
    {
        var attachments = graph.Users[mailbox].Messages[messageId].Attachments;
        var read = new List<Attachment>();
        foreach (var attachment in listed)
        {
            var isFile = attachment is FileAttachment || attachment.OdataType == FileAttachmentType;
            if (!isFile || attachment.Id is null || (attachment.Size ?? 0) > maxAttachmentBytes)
            {
                read.Add(isFile && attachment is not FileAttachment ? AsFile(attachment) : attachment);
                continue;
            }

            read.Add(await attachments[attachment.Id].GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false) ?? attachment);
        }

        return read;
    }

    /// <summary>
    /// The mail with the bytes of each file attachment that <see cref="GetAsync"/> left unread for its
    /// size, but no larger than <paramref name="maxAttachmentBytes"/>, now fetched: one request per such
    /// file, and the message itself is not read again. A file gone since stays unread.
    /// </summary>
    public async Task<InboundMail> ReadUnreadAttachmentsAsync(string mailbox, InboundMail mail, long maxAttachmentBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var attachments = graph.Users[mailbox].Messages[mail.Id].Attachments;
        var read = new List<MailAttachment>(mail.Attachments.Count);
        foreach (var attachment in mail.Attachments)
        {
            if (attachment is { IsFile: true, Content.IsEmpty: true, Id: { } id, Size: > 0 } && attachment.Size <= maxAttachmentBytes
                && await FileAsync(attachments[id], cancellationToken).ConfigureAwait(false) is { ContentBytes: { } bytes })
            {
                read.Add(attachment with { Content = bytes });
                continue;
            }

            read.Add(attachment);
        }

        return mail with { Attachments = read };
    }

    private static async Task<FileAttachment?> FileAsync(Microsoft.Graph.Users.Item.Messages.Item.Attachments.Item.AttachmentItemRequestBuilder attachment, CancellationToken cancellationToken)
    {
        try
        {
            return await attachment.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false) as FileAttachment;
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    private static FileAttachment AsFile(Attachment listed) => new()
    {
        Id = listed.Id,
        Name = listed.Name,
        ContentType = listed.ContentType,
        Size = listed.Size,
        IsInline = listed.IsInline,
    };

    internal static InboundMail ToInbound(Message message, IReadOnlyList<Attachment> files)
    {
        var attachments = files.Select(ToMailAttachment).ToList();
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

    /// <summary>One attachment in the mail's own terms; a file's bytes are read from the model once
    /// (each read of a list-valued property walks it again).</summary>
    private static MailAttachment ToMailAttachment(Attachment attachment)
    {
        if (attachment is not FileAttachment file)
        {
            return new MailAttachment(attachment.Name ?? "item", attachment.ContentType ?? "application/octet-stream", attachment.Size ?? 0, false, ReadOnlyMemory<byte>.Empty, attachment.Id);
        }

        var bytes = file.ContentBytes ?? [];
        return new MailAttachment(file.Name ?? "attachment", file.ContentType ?? "application/octet-stream", file.Size ?? bytes.Length, true, bytes, file.Id);
    }
}
