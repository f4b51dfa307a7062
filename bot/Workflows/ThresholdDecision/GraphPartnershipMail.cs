using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// Sends from the partnership mailbox the bot is connected to (Graph:Mailbox) by draft-then-send,
/// so the sent message's internetMessageId is known. The playbook's printed address may differ in
/// case or be an alias; the configured mailbox is the one Graph lets the bot send from.
/// </summary>
public sealed class GraphPartnershipMail(MailSender sender, IOptions<MailboxOptions> mailbox) : IPartnershipMail
{
    public async Task<string?> SendAsync(string fromMailbox, string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        var from = mailbox.Value.Mailbox is { Length: > 0 } configured ? configured : fromMailbox;
        var sent = await sender.SendAsync(from, new OutboundMail([recipient], subject, body), cancellationToken).ConfigureAwait(false);
        return sent.InternetMessageId ?? sent.Id;
    }
}
