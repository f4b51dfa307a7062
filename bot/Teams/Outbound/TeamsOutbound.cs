using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Teams.Conversations;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Teams.Outbound;

/// <summary>
/// The Teams side of <see cref="ITeamsOutbound"/>: turns "post this card in that thread" into a Bot
/// Connector activity sent to the channel's stored service URL. The channel is looked up each time
/// from the references Teams keeps current, so a post follows Teams when it moves a conversation.
/// </summary>
public sealed class TeamsOutbound(ConversationReferenceStore references, ChannelPoster poster, ConnectorClient connector) : ITeamsOutbound
{
    public async Task<IReadOnlyList<InstalledChannel>> ChannelsAsync(CancellationToken cancellationToken)
    {
        var channels = await references.ListAsync(ConversationKind.Channel, cancellationToken).ConfigureAwait(false);
        return [.. channels.Select(c => new InstalledChannel(c.ConversationId, c.ChannelName, c.TeamName, c.Describe()))];
    }

    public async Task<ThreadStartResult> StartThreadAsync(string channelId, JsonObject card, string? summary, CancellationToken cancellationToken)
    {
        var channel = await references.FindChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        if (channel is null)
        {
            return ThreadStartResult.Failed($"TeamsReviewBot has not been added to the channel {channelId} yet (add it to the team, or mention it once in the channel)");
        }

        var posted = await poster.StartThreadAsync(channel, card, summary, cancellationToken).ConfigureAwait(false);
        if (!posted.Posted || posted.ThreadId is null || posted.MessageId is null)
        {
            return ThreadStartResult.Failed(posted.Failure ?? "Teams did not say where the thread was created");
        }

        return new ThreadStartResult(
            new ThreadMessage(channel.ConversationId, posted.ThreadId, posted.MessageId),
            null,
            new ConnectorAddressOnRecord(channel.ServiceUrl, channel.TenantId, channel.BotId, channel.BotName));
    }

    public async Task<string?> ReplyAsync(ChannelThread thread, JsonObject card, CancellationToken cancellationToken)
    {
        var channel = await ChannelAsync(thread.ChannelId, cancellationToken).ConfigureAwait(false);
        var sent = await DeliverAsync(() => connector.SendAsync(channel.ServiceUrl, thread.ThreadId, InThread(channel, thread.ThreadId, card), cancellationToken)).ConfigureAwait(false);
        return sent.Id;
    }

    public async Task ReplyAsync(ChannelThread thread, string text, CancellationToken cancellationToken)
    {
        var channel = await ChannelAsync(thread.ChannelId, cancellationToken).ConfigureAwait(false);
        var reply = InThread(channel, thread.ThreadId, null);
        reply.Text = text;
        reply.TextFormat = "plain";
        await DeliverAsync(() => connector.SendAsync(channel.ServiceUrl, thread.ThreadId, reply, cancellationToken)).ConfigureAwait(false);
    }

    public async Task UpdateAsync(ThreadMessage message, JsonObject card, CancellationToken cancellationToken)
    {
        var channel = await ChannelAsync(message.ChannelId, cancellationToken).ConfigureAwait(false);
        await DeliverAsync(() => connector.UpdateAsync(channel.ServiceUrl, message.ThreadId, message.MessageId, InThread(channel, message.ThreadId, card), cancellationToken)).ConfigureAwait(false);
    }

    public Task<string?> TeamsUserIdOfAsync(string aadObjectId, CancellationToken cancellationToken) =>
        references.TeamsUserIdAsync(aadObjectId, cancellationToken);

    private async Task<ConversationReference> ChannelAsync(string channelId, CancellationToken cancellationToken) =>
        await references.FindChannelAsync(channelId, cancellationToken).ConfigureAwait(false)
        ?? throw new TeamsDeliveryException($"TeamsReviewBot is not installed in the channel {channelId} any more, so its thread cannot be posted to.");

    private static Activity InThread(ConversationReference channel, string threadId, JsonObject? card) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = channel.BotId, Name = channel.BotName },
        Conversation = new ConversationAccount { Id = threadId, TenantId = channel.TenantId, IsGroup = true, ConversationType = "channel" },
        Attachments = card is null ? null : [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }],
    };

    private static async Task<ResourceResponse> DeliverAsync(Func<Task<ResourceResponse>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            throw new TeamsDeliveryException(ex.IsUnreachableConversation
                ? $"Teams refused the message ({ex.Status}): TeamsReviewBot may have been removed from the team, or the channel deleted."
                : ex.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TeamsDeliveryException($"The Bot Connector could not be reached: {ex.Message}", ex);
        }
    }
}
