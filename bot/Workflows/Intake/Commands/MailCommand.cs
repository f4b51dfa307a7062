using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Workflows.Intake.Commands;

/// <summary>"mail": lists mail the bot did not act on by itself, each with why and a link to open it
/// in Outlook. Shows sender and time only: subjects may name the child.</summary>
public sealed class MailCommand(MailForReviewStore review, IOptions<MailboxOptions> options) : IChatCommand
{
    private const int Shown = 20;
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string Name => "mail";

    public string Usage => "mail";

    public string Summary => "Lists mail in the partnership mailbox that needs a business manager, with a link to each message.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers(
        "Only a business manager can see the mail waiting in the partnership mailbox.", "the list shows senders' addresses and links to their messages");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return CommandReply.Message("The partnership mailbox is not connected (Graph:Mailbox is not set).");
        }

        var items = await review.ListAsync(options.Value.Mailbox!, cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return CommandReply.Message("No mail is waiting for a business manager.");
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Mail waiting for a business manager ({items.Count}):\n\n");
        foreach (var item in items.Take(Shown))
        {
            var at = TimeZoneInfo.ConvertTime(item.ReceivedAt, London).ToString("ddd d MMM HH:mm", CultureInfo.GetCultureInfo("en-GB"));
            var link = item.WebLink is null ? string.Empty : $" [Open in Outlook]({item.WebLink})";
            text.Append(CultureInfo.InvariantCulture, $"- {at} from {item.From ?? "unknown sender"}: {item.Reason}{link}\n");
        }

        if (items.Count > Shown)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n…and {items.Count - Shown} older.");
        }

        return CommandReply.Message(text.ToString());
    }
}
