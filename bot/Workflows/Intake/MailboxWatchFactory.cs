using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Subscriptions;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>Builds the subscription request from configuration.</summary>
public sealed class MailboxWatchFactory(IOptions<MailboxOptions> options)
{
    public MailboxWatch Create()
    {
        var o = options.Value;
        var notificationUrl = o.NotificationUrl ?? throw new InvalidOperationException("Graph:NotificationUrl is not set.");
        return new MailboxWatch(
            o.Mailbox ?? throw new InvalidOperationException("Graph:Mailbox is not set."),
            notificationUrl,
            o.LifecycleNotificationUrl ?? notificationUrl.TrimEnd('/') + "/lifecycle",
            o.ClientStateSecret ?? throw new InvalidOperationException("Graph:ClientStateSecret is not set."),
            o.SubscriptionLifetime);
    }
}
