using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Teams.Conversations;

/// <summary>The outcome of a proactive post: where it landed, or why it did not.</summary>
public sealed record ChannelPostResult(ConversationReference Channel, string? ThreadId, string? MessageId, string? Failure)
{
    public bool Posted => Failure is null;
}

/// <summary>
/// Posts into a channel without being spoken to first, from its stored reference: each post
/// starts a new thread (createConversation with isGroup, the channel and the activity). When
/// Teams answers 403 or 404 the bot is not in that team or the channel is gone; the business
/// managers are told in a sentence rather than the failure vanishing into a log, once an hour per
/// channel: posts owed to a channel (a case's panel thread) are tried again at every sweep, and
/// each retry repeating the same sentence would bury it.
/// </summary>
public sealed partial class ChannelPoster(ConnectorClient connector, IBusinessManagerAlerts alerts, TimeProvider clock, ILogger<ChannelPoster> logger)
{
    /// <summary>How long the business managers are not told again about the same unreachable channel.</summary>
    public static readonly TimeSpan AlertAgainAfter = TimeSpan.FromHours(1);

    private readonly Dictionary<string, DateTimeOffset> _alertedAt = new(StringComparer.Ordinal);

    public async Task<ChannelPostResult> StartThreadAsync(ConversationReference channel, JsonObject card, string? summary, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = channel.BotId, Name = channel.BotName },
            Conversation = new ConversationAccount { Id = channel.ConversationId, TenantId = channel.TenantId, IsGroup = true, ConversationType = "channel" },
            Text = summary,
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }],
        };
        try
        {
            var created = await connector.StartChannelThreadAsync(
                channel.ServiceUrl, channel.TenantId, channel.TeamId ?? channel.ConversationId, channel.ConversationId, activity, cancellationToken).ConfigureAwait(false);

            // A channel that takes a post again is alerted about afresh the next time it fails.
            lock (_alertedAt)
            {
                _alertedAt.Remove(channel.ConversationId);
            }

            return new ChannelPostResult(channel, created.Id, created.ActivityId ?? ThreadRootOf(created.Id), null);
        }
        catch (ConnectorException ex) when (ex.IsUnreachableConversation)
        {
            var failure = ex.Status == 403
                ? $"Teams refused the post ({ex.ErrorCode ?? "403 Forbidden"}): TeamsReviewBot is no longer a member of that team"
                : $"Teams could not find the channel ({ex.ErrorCode ?? "404 Not Found"}): it may have been deleted";
            LogUnreachable(logger, channel.ConversationId, ex.Status);
            if (ShouldAlert(channel.ConversationId))
            {
                await alerts.AlertAsync(
                    $"I could not post to {channel.Describe()}. {failure}. Please add TeamsReviewBot to the team again (or tell me the new channel), then type check-channels to confirm. Anything waiting to be posted there is posted once I can.",
                    cancellationToken).ConfigureAwait(false);
            }

            return new ChannelPostResult(channel, null, null, failure);
        }
    }

    private bool ShouldAlert(string channelId)
    {
        var now = clock.GetUtcNow();
        lock (_alertedAt)
        {
            if (_alertedAt.TryGetValue(channelId, out var last) && now - last < AlertAgainAfter)
            {
                return false;
            }

            _alertedAt[channelId] = now;
            return true;
        }
    }

    /// <summary>"19:abc@thread.tacv2;messageid=1795" → "1795".</summary>
    internal static string? ThreadRootOf(string conversationId)
    {
        const string marker = ";messageid=";
        var at = conversationId.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : conversationId[(at + marker.Length)..];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A proactive post to channel {ChannelId} failed with {Status}; business managers were alerted.")]
    private static partial void LogUnreachable(ILogger logger, string channelId, int status);
}
