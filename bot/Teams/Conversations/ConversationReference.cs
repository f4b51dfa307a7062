namespace TeamsReviewBot.Teams.Conversations;

/// <summary>What kind of place the bot was installed in.</summary>
public enum ConversationKind
{
    Channel,
    Personal,
    GroupChat,
}

/// <summary>
/// Everything needed to post into a conversation later without being spoken to first, after a
/// restart included: the service URL Teams gave (never assumed), the ids, and the bot's own id.
/// For a channel, <see cref="ConversationId"/> is the channel id (new posts start threads there);
/// for a personal chat, <see cref="UserId"/> is the user it is with.
/// </summary>
public sealed record ConversationReference(
    ConversationKind Kind,
    string ServiceUrl,
    string ConversationId,
    string TenantId,
    string BotId,
    string? BotName = null,
    string? TeamId = null,
    string? TeamName = null,
    string? ChannelName = null,
    string? UserId = null,
    string? UserAadObjectId = null,
    string? UserName = null)
{
    /// <summary>"General in Rapid Review Panel", for messages to people.</summary>
    public string Describe() => Kind switch
    {
        ConversationKind.Channel => $"the channel \"{ChannelName ?? ConversationId}\"{(TeamName is null ? string.Empty : $" in team \"{TeamName}\"")}",
        ConversationKind.Personal => $"the personal chat with {UserName ?? UserId}",
        _ => $"the group chat {ConversationId}",
    };
}
