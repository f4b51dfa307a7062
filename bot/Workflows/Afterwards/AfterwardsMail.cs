using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>Sends an afterwards letter from the partnership mailbox by draft-then-send, once per key:
/// a repeat after a crash finds the message already sent (MailSender's once key).</summary>
public sealed class AfterwardsMail(MailSender sender, IOptions<MailboxOptions> mailbox)
{
    public bool IsConnected => mailbox.Value.Enabled;

    public string From(string playbookMailbox) => mailbox.Value.Mailbox is { Length: > 0 } connected ? connected : playbookMailbox;

    public async Task<string?> SendAsync(string playbookMailbox, IReadOnlyList<string> to, string subject, string body, string onceKey, CancellationToken cancellationToken)
    {
        var sent = await sender.SendAsync(From(playbookMailbox), new OutboundMail(to, subject, body), onceKey, cancellationToken).ConfigureAwait(false);
        return sent.InternetMessageId ?? sent.Id;
    }
}
