namespace TeamsReviewBot.Teams.Conversations;

/// <summary>
/// installationUpdate: the app was added to (or removed from) a team, a group chat or someone's
/// personal scope. Adding stores the conversation reference so the bot can post there later,
/// after a restart too; removing forgets it.
/// </summary>
public sealed partial class InstallationUpdateHandler(ConversationReferenceStore store, ILogger<InstallationUpdateHandler> logger) : IActivityHandler
{
    public string ActivityType => ActivityTypes.InstallationUpdate;

    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ConversationReferences.From(activity) is not { } reference)
        {
            LogIncomplete(logger, activity.Type ?? "?");
            return ActivityResult.Accepted;
        }

        if (activity.Action is { } action && action.StartsWith("remove", StringComparison.OrdinalIgnoreCase))
        {
            await store.RemoveAsync(reference.Kind, ConversationReferenceStore.RowKeyOf(reference), cancellationToken).ConfigureAwait(false);
            LogRemoved(logger, reference.Kind, reference.ConversationId);
        }
        else
        {
            await store.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
            LogStored(logger, reference.Kind, reference.ConversationId);
        }

        return ActivityResult.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the conversation reference for a {Kind} conversation {ConversationId}.")]
    private static partial void LogStored(ILogger logger, ConversationKind kind, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The app was removed from a {Kind} conversation {ConversationId}; its reference is forgotten.")]
    private static partial void LogRemoved(ILogger logger, ConversationKind kind, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} activity lacked service URL, conversation, tenant or bot id; nothing was stored.")]
    private static partial void LogIncomplete(ILogger logger, string activityType);
}
