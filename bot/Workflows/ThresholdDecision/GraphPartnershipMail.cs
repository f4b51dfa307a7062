using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// Sends from the partnership mailbox the bot is connected to (Graph:Mailbox, or the playbook's
/// mailbox when intake takes it from there) by draft-then-send,
/// so the sent message's internetMessageId is known. The playbook's printed address may differ in
/// case or be an alias; the configured mailbox is the one Graph lets the bot send from.
/// </summary>
public sealed class GraphPartnershipMail(MailSender sender, IOptions<MailboxOptions> mailbox) : IPartnershipMail
{
    public bool IsConnected => mailbox.Value.Enabled;

    public async Task<string?> SendAsync(string fromMailbox, string recipient, string subject, string body, string onceKey, CancellationToken cancellationToken)
    {
        var from = mailbox.Value.Mailbox is { Length: > 0 } connected ? connected : fromMailbox;
        var sent = await sender.SendAsync(from, new OutboundMail([recipient], subject, body), onceKey, cancellationToken).ConfigureAwait(false);
        return sent.InternetMessageId ?? sent.Id;
    }
}
