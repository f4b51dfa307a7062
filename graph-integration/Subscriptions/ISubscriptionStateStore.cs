namespace TeamsReviewBot.GraphIntegration.Subscriptions;

/// <summary>Where the subscription for each mailbox is kept between runs and across instances.</summary>
public interface ISubscriptionStateStore
{
    Task<MailboxSubscription?> FindAsync(string mailbox, CancellationToken cancellationToken = default);

    Task SaveAsync(MailboxSubscription subscription, CancellationToken cancellationToken = default);
}
