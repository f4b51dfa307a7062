using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>A message to send from the partnership mailbox.</summary>
public sealed record OutboundMail(IReadOnlyList<string> To, string Subject, string Body, bool BodyIsHtml = false);

/// <summary>What Graph knows the sent message by, for matching replies later.</summary>
public sealed record SentMail(string Id, string? InternetMessageId, string? ConversationId);

/// <summary>
/// Sends by creating a draft and then sending it: sendMail answers 202 with no body, so only the
/// draft route tells us the message's id and internetMessageId.
/// </summary>
public sealed class MailSender(GraphServiceClient graph)
{
    public async Task<SentMail> SendAsync(string mailbox, OutboundMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var draft = await graph.Users[mailbox].Messages.PostAsync(
            new Message
            {
                Subject = mail.Subject,
                Body = new ItemBody { ContentType = mail.BodyIsHtml ? BodyType.Html : BodyType.Text, Content = mail.Body },
                ToRecipients = mail.To.Select(a => new Recipient { EmailAddress = new EmailAddress { Address = a } }).ToList(),
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var id = draft?.Id ?? throw new InvalidOperationException("Graph created a draft but returned no id.");
        await graph.Users[mailbox].Messages[id].Send.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SentMail(id, draft.InternetMessageId, draft.ConversationId);
    }
}
