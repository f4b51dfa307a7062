using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>A message to send from the partnership mailbox.</summary>
public sealed record OutboundMail(IReadOnlyList<string> To, string Subject, string Body, bool BodyIsHtml = false, IReadOnlyList<OutboundAttachment>? Attachments = null);

/// <summary>A file to attach. Graph takes a file under 3 MB inline with the draft; larger ones need an upload session.</summary>
public sealed record OutboundAttachment(string Name, string ContentType, byte[] Content)
{
    public const int MaxInlineBytes = 3 * 1024 * 1024;
}

/// <summary>What Graph knows the sent message by, for matching replies later; <paramref name="AlreadySent"/>
/// when an earlier attempt had sent it and this one only found it.</summary>
public sealed record SentMail(string Id, string? InternetMessageId, string? ConversationId, bool AlreadySent = false);

/// <summary>
/// Sends by creating a draft and then sending it: sendMail answers 202 with no body, so only the
/// draft route tells us the message's id. Each message is sent once per <c>onceKey</c>: the draft
/// carries an internetMessageId made from the key, and before creating one the mailbox is searched
/// for it, so a retry after a crash or a lost answer finds the message sent (or its draft left
/// unsent) instead of sending a second copy.
/// </summary>
public sealed class MailSender(GraphServiceClient graph)
{
    public async Task<SentMail> SendAsync(string mailbox, OutboundMail mail, string onceKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(onceKey);
        var attachments = mail.Attachments ?? [];
        if (attachments.FirstOrDefault(a => a.Content.Length >= OutboundAttachment.MaxInlineBytes) is { } large)
        {
            throw new ArgumentException($"{large.Name} is 3 MB or more; Graph takes only smaller files with the draft.", nameof(mail));
        }

        var internetMessageId = MessageIds.For(mailbox, onceKey);
        if (await FindAsync(mailbox, internetMessageId, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            if (earlier.IsDraft != true)
            {
                return new SentMail(earlier.Id!, earlier.InternetMessageId, earlier.ConversationId, AlreadySent: true);
            }

            // An earlier attempt created the draft and stopped before sending it: send that one.
            await graph.Users[mailbox].Messages[earlier.Id].Send.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new SentMail(earlier.Id!, earlier.InternetMessageId, earlier.ConversationId);
        }

        var draft = await graph.Users[mailbox].Messages.PostAsync(
            Draft(mail, internetMessageId),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var id = draft?.Id ?? throw new InvalidOperationException("Graph created a draft but returned no id.");
        await graph.Users[mailbox].Messages[id].Send.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SentMail(id, draft.InternetMessageId ?? internetMessageId, draft.ConversationId);
    }

    /// <summary>The draft as Graph is asked to create it: each file inline as a fileAttachment.</summary>
    public static Message Draft(OutboundMail mail, string internetMessageId)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var attachments = mail.Attachments ?? [];
        return new Message
        {
            Subject = mail.Subject,
            Body = new ItemBody { ContentType = mail.BodyIsHtml ? BodyType.Html : BodyType.Text, Content = mail.Body },
            ToRecipients = mail.To.Select(a => new Recipient { EmailAddress = new EmailAddress { Address = a } }).ToList(),
            InternetMessageId = internetMessageId,
            Attachments = attachments.Count == 0
                ? null
                : attachments.Select(a => (Attachment)new FileAttachment
                {
                    OdataType = "#microsoft.graph.fileAttachment",
                    Name = a.Name,
                    ContentType = a.ContentType,
                    ContentBytes = a.Content,
                }).ToList(),
        };
    }

    /// <summary>
    /// Sends with one request (<c>sendMail</c>, carrying the internetMessageId made from
    /// <paramref name="onceKey"/>) and returns that id, for a message whose own Graph id is never needed
    /// (an acknowledgement: replies to it are matched by internetMessageId). When an earlier attempt
    /// may have sent it (<paramref name="earlierAttemptPossible"/>, known from the caller's record), the
    /// mailbox is searched first as <see cref="SendAsync"/> does, and what was sent is not sent again.
    /// </summary>
    public async Task<string> SendOnceAsync(string mailbox, OutboundMail mail, string onceKey, bool earlierAttemptPossible, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(onceKey);
        if ((mail.Attachments ?? []).Count > 0)
        {
            throw new ArgumentException("SendOnceAsync sends messages without files; use SendAsync for those.", nameof(mail));
        }

        var internetMessageId = MessageIds.For(mailbox, onceKey);
        if (earlierAttemptPossible && await FindAsync(mailbox, internetMessageId, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            if (earlier.IsDraft == true)
            {
                await graph.Users[mailbox].Messages[earlier.Id].Send.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return earlier.InternetMessageId ?? internetMessageId;
        }

        await graph.Users[mailbox].SendMail.PostAsync(
            new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
            {
                Message = new Message
                {
                    Subject = mail.Subject,
                    Body = new ItemBody { ContentType = mail.BodyIsHtml ? BodyType.Html : BodyType.Text, Content = mail.Body },
                    ToRecipients = mail.To.Select(a => new Recipient { EmailAddress = new EmailAddress { Address = a } }).ToList(),
                    InternetMessageId = internetMessageId,
                },
                SaveToSentItems = true,
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return internetMessageId;
    }

    /// <summary>The message (sent, or a draft) carrying <paramref name="internetMessageId"/>, sent copies first.</summary>
    private async Task<Message?> FindAsync(string mailbox, string internetMessageId, CancellationToken cancellationToken)
    {
        var found = await graph.Users[mailbox].Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = $"internetMessageId eq '{internetMessageId.Replace("'", "''", StringComparison.Ordinal)}'";
                request.QueryParameters.Select = ["id", "isDraft", "internetMessageId", "conversationId"];
            },
            cancellationToken).ConfigureAwait(false);
        return found?.Value?.OrderBy(m => m.IsDraft == true).FirstOrDefault();
    }
}
