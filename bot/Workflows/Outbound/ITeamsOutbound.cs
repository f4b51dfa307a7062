using System.Text.Json.Nodes;

namespace TeamsReviewBot.Workflows.Outbound;

/// <summary>
/// What the workflows ask of Teams, in their own words: post this card in a channel as a new thread,
/// reply in that thread, update a card already posted. Only the Teams adapter knows how a message
/// travels (activities, the Bot Connector, service URLs); a workflow names a channel, a thread and a
/// message by their ids. Failures to deliver arrive as <see cref="TeamsDeliveryException"/>.
/// </summary>
public interface ITeamsOutbound
{
    /// <summary>The channels the bot is installed in, as people know them.</summary>
    Task<IReadOnlyList<InstalledChannel>> ChannelsAsync(CancellationToken cancellationToken);

    /// <summary>Starts a new thread in <paramref name="channelId"/> with <paramref name="card"/>, or
    /// says in a sentence why it could not (the business managers are told when Teams refuses).</summary>
    Task<ThreadStartResult> StartThreadAsync(string channelId, JsonObject card, string? summary, CancellationToken cancellationToken);

    /// <summary>Posts <paramref name="card"/> as a reply in a thread; the id of the new message when Teams gives one.</summary>
    Task<string?> ReplyAsync(ChannelThread thread, JsonObject card, CancellationToken cancellationToken);

    /// <summary>Posts a plain sentence as a reply in a thread.</summary>
    Task ReplyAsync(ChannelThread thread, string text, CancellationToken cancellationToken);

    /// <summary>Replaces the card of a message the bot posted earlier.</summary>
    Task UpdateAsync(ThreadMessage message, JsonObject card, CancellationToken cancellationToken);

    /// <summary>The Teams user id of the person with this Entra object id, when they have a personal
    /// chat with the bot (a card's refresh.userIds names people by it); null otherwise.</summary>
    Task<string?> TeamsUserIdOfAsync(string aadObjectId, CancellationToken cancellationToken);
}

/// <summary>A channel the bot is installed in; <see cref="Description"/> reads "the channel "General" in team "Panel"".</summary>
public sealed record InstalledChannel(string ChannelId, string? ChannelName, string? TeamName, string Description);

/// <summary>A thread in a channel: <see cref="ThreadId"/> is the conversation Teams gave it.</summary>
public sealed record ChannelThread(string ChannelId, string ThreadId);

/// <summary>One message the bot posted in a channel thread.</summary>
public sealed record ThreadMessage(string ChannelId, string ThreadId, string MessageId)
{
    public ChannelThread Thread => new(ChannelId, ThreadId);
}

/// <summary>
/// The outcome of starting a thread: where the card landed, or why it did not. <see cref="Address"/>
/// is what earlier versions stored beside a thread (see <see cref="ConnectorAddressOnRecord"/>).
/// </summary>
public sealed record ThreadStartResult(ThreadMessage? Posted, string? Failure, ConnectorAddressOnRecord? Address)
{
    public static ThreadStartResult Failed(string failure) => new(null, failure, null);
}

/// <summary>
/// The connector address of a channel at the time a thread was started. Case streams written by
/// earlier versions carry it and still read; it is recorded so those versions can read new streams
/// too. Nothing outside the Teams adapter posts with it: the adapter looks the channel up afresh,
/// because Teams may move a conversation to another service URL.
/// </summary>
public sealed record ConnectorAddressOnRecord(string ServiceUrl, string TenantId, string BotId, string? BotName);

/// <summary>Teams did not take a message: the bot is no longer in the team, the channel is gone, or
/// the connector did not answer. The message says which, in a sentence.</summary>
public sealed class TeamsDeliveryException : Exception
{
    public TeamsDeliveryException()
    {
    }

    public TeamsDeliveryException(string message)
        : base(message)
    {
    }

    public TeamsDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
