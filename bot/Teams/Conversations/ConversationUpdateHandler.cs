namespace TeamsReviewBot.Teams.Conversations;

/// <summary>
/// conversationUpdate: members joined or left. When the bot itself is among those added (Teams'
/// teamMemberAdded on install, or the first contact in a personal chat) the conversation
/// reference is stored; when the bot is removed it is forgotten. Other membership changes are
/// not the Teams layer's business.
/// </summary>
public sealed partial class ConversationUpdateHandler(ConversationReferenceStore store, ILogger<ConversationUpdateHandler> logger) : IActivityHandler
{
    public string ActivityType => ActivityTypes.ConversationUpdate;

    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        if (botId is null || ConversationReferences.From(activity) is not { } reference)
        {
            return ActivityResult.Accepted;
        }

        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            await store.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
            LogStored(logger, reference.Kind, reference.ConversationId);
        }
        else if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await store.RemoveAsync(reference.Kind, ConversationReferenceStore.RowKeyOf(reference), cancellationToken).ConfigureAwait(false);
        }

        return ActivityResult.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot was added to a {Kind} conversation {ConversationId}; its reference is stored.")]
    private static partial void LogStored(ILogger logger, ConversationKind kind, string conversationId);
}
