namespace TeamsReviewBot.Teams.Conversations;

/// <summary>Reads a conversation reference out of an incoming activity.</summary>
public static class ConversationReferences
{
    /// <summary>The reference for the conversation this activity came from, or null when the
    /// activity lacks what a later post would need (service URL, conversation, tenant, bot).</summary>
    public static ConversationReference? From(Activity activity)
    {
        var tenantId = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
        if (activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversationId
            || tenantId is null || activity.Recipient?.Id is not { } botId)
        {
            return null;
        }

        var team = activity.ChannelData?.Team;
        var type = activity.Conversation.ConversationType;
        if (type == "channel" || team is not null)
        {
            // A message in a thread arrives as "{channelId};messageid={root}"; the channel is what
            // the bot posts new threads to.
            var channelId = activity.ChannelData?.Channel?.Id ?? StripThread(conversationId);
            return new ConversationReference(
                ConversationKind.Channel, serviceUrl, channelId, tenantId, botId, activity.Recipient.Name,
                TeamId: team?.Id, TeamName: team?.Name, ChannelName: activity.ChannelData?.Channel?.Name ?? activity.Conversation.Name);
        }

        if (type == "groupChat" || activity.Conversation.IsGroup == true)
        {
            return new ConversationReference(ConversationKind.GroupChat, serviceUrl, conversationId, tenantId, botId, activity.Recipient.Name);
        }

        return new ConversationReference(
            ConversationKind.Personal, serviceUrl, conversationId, tenantId, botId, activity.Recipient.Name,
            UserId: activity.From?.Id, UserAadObjectId: activity.From?.AadObjectId, UserName: activity.From?.Name);
    }

    private static string StripThread(string conversationId)
    {
        var at = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }
}
