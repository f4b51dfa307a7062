namespace TeamsReviewBot.Teams;

/// <summary>A file a person attached in their personal chat with the bot, as Teams describes it
/// (attachment of type <see cref="ContentType"/>): its name, its type and the short-lived URL the
/// bot reads it from. Nothing in it is trusted beyond what the bot checks.</summary>
public sealed record ChatFile(string Name, string? FileType, string DownloadUrl, string? UniqueId)
{
    public const string ContentType = "application/vnd.microsoft.teams.file.download.info";
}

/// <summary>A message with files attached in a personal chat; <paramref name="Text"/> is what the person typed with it.</summary>
public sealed record ChatFileMessage(Commands.CommandSender Sender, string ConversationId, string? ActivityId, string Text, IReadOnlyList<ChatFile> Files);

/// <summary>A message posted as a reply in a channel thread (conversation "{channel};messageid={root}"),
/// mentions removed.</summary>
public sealed record ChannelThreadReply(Commands.CommandSender Sender, string ThreadConversationId, string? ActivityId, string Text, DateTimeOffset? SentAt);

/// <summary>Takes the files people attach in their personal chat; answers in a sentence, or with a card asking them to confirm.</summary>
public interface IChatFileHandler
{
    Task<Commands.CommandReply> HandleAsync(ChatFileMessage message, CancellationToken cancellationToken);
}

/// <summary>Takes replies in the channel threads it owns; null when the thread is not one of them,
/// and the message is then read as a command as any other.</summary>
public interface IChannelThreadReplyHandler
{
    Task<string?> HandleAsync(ChannelThreadReply reply, CancellationToken cancellationToken);
}
