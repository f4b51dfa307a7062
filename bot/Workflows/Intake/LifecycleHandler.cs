using TeamsReviewBot.GraphIntegration.Notifications;
using TeamsReviewBot.GraphIntegration.Subscriptions;
using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Acts on Graph's lifecycle events: reauthorizationRequired → reauthorize; subscriptionRemoved →
/// recreate, then a delta pass for what arrived meanwhile; missed → a delta pass.
/// </summary>
public sealed partial class LifecycleHandler(
    SubscriptionManager subscriptions,
    MailboxSyncStore sync,
    MailboxWatchFactory watches,
    DeltaSyncRequested deltaRequested,
    ILogger<LifecycleHandler> logger)
{
    public async Task HandleAsync(string lifecycleEvent, string? subscriptionId, CancellationToken cancellationToken)
    {
        var watch = watches.Create();
        var current = await sync.FindAsync(watch.Mailbox, cancellationToken).ConfigureAwait(false);
        var isCurrent = current is not null && current.SubscriptionId == subscriptionId;
        LogLifecycle(logger, lifecycleEvent, subscriptionId, isCurrent);
        if (lifecycleEvent is LifecycleEvents.Missed or LifecycleEvents.SubscriptionRemoved)
        {
            // Graph saying notifications were not delivered: the delta pass below catches the mail up.
            TeamsReviewBot.Observability.BotMetrics.Dropped(lifecycleEvent == LifecycleEvents.Missed ? "missed" : "subscription_removed");
        }

        switch (lifecycleEvent)
        {
            case LifecycleEvents.ReauthorizationRequired when isCurrent:
                await subscriptions.ReauthorizeAsync(watch, subscriptionId!, cancellationToken).ConfigureAwait(false);
                break;
            case LifecycleEvents.SubscriptionRemoved:
                if (isCurrent || current is null)
                {
                    await subscriptions.RecreateAsync(watch, cancellationToken).ConfigureAwait(false);
                }

                deltaRequested.Signal.Raise();
                break;
            case LifecycleEvents.Missed:
                deltaRequested.Signal.Raise();
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle event {LifecycleEvent} for subscription {SubscriptionId} (current: {IsCurrent})")]
    private static partial void LogLifecycle(ILogger logger, string lifecycleEvent, string? subscriptionId, bool isCurrent);
}
