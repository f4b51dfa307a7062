using System.Text;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.ConnectionCheck;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.ConnectionCheck.Commands;

/// <summary>
/// "check-channels": posts a connection-check card into every channel the bot is installed in,
/// from the stored references, and says where it worked. Run after installing the bot, or when a
/// channel seems quiet. A channel Teams refuses is reported here and to the business managers.
/// </summary>
public sealed class CheckChannelsCommand(
    PartnershipDirectory directory,
    ITeamsOutbound teams,
    ConnectionCheckStore checks,
    ConnectionCheckViews views,
    TimeProvider time) : IChatCommand
{
    public string Name => "check-channels";

    public string Usage => "check-channels";

    public string Summary => "Business managers: posts a connection check into every channel I am installed in, to confirm I can reach it.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers("Only a business manager can run check-channels. Nothing was posted.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var actor = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);

        var channels = await teams.ChannelsAsync(cancellationToken).ConfigureAwait(false);
        if (channels.Count == 0)
        {
            return CommandReply.Message("I am not installed in any channel yet. Add TeamsReviewBot to the partnership's team, then type check-channels again.");
        }

        var pending = await views.PendingManagersAsync([], cancellationToken).ConfigureAwait(false);
        var posted = new List<string>();
        var failed = new List<string>();
        foreach (var channel in channels)
        {
            var check = new ConnectionCheckRecord(
                Guid.NewGuid().ToString("N"), channel.ChannelId, channel.ChannelName ?? "General", channel.TeamName, time.GetUtcNow(), actor.DisplayName, null, null);
            // Stored before posting, so a press on the card always finds its check.
            await checks.SaveAsync(check, cancellationToken).ConfigureAwait(false);
            var card = ConnectionCheckCard.Build(new ConnectionCheckView(check.CheckId, check.ChannelName, check.TeamName, check.PostedAt, check.PostedBy, [], pending));
            var result = await teams.StartThreadAsync(channel.ChannelId, card, null, cancellationToken).ConfigureAwait(false);
            if (result.Posted is { } message)
            {
                await checks.SaveAsync(check with { ThreadId = message.ThreadId, MessageId = message.MessageId }, cancellationToken).ConfigureAwait(false);
                posted.Add(channel.Description);
            }
            else
            {
                failed.Add($"{channel.Description}: {result.Failure}");
            }
        }

        var reply = new StringBuilder();
        if (posted.Count > 0)
        {
            reply.Append("Posted a connection check to ").AppendJoin("; ", posted).Append('.');
        }

        if (failed.Count > 0)
        {
            reply.Append(reply.Length > 0 ? " " : string.Empty).Append("Could not post to ").AppendJoin("; ", failed).Append(". The business managers have been told.");
        }

        return CommandReply.Message(reply.ToString());
    }
}
