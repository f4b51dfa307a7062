using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsReviewBot.GraphIntegration.Subscriptions;

/// <summary>
/// Keeps one change-notification subscription alive per mailbox: creates it (at most 4,200
/// minutes), renews it at half-life, recreates it when Graph answers 404 (it is gone) or 400 (it
/// cannot be renewed) or says subscriptionRemoved, and reauthorizes it when asked.
/// </summary>
public sealed partial class SubscriptionManager(GraphServiceClient graph, ISubscriptionStateStore store, TimeProvider time, ILogger<SubscriptionManager> logger)
{
    public async Task<MailboxSubscription> EnsureAsync(MailboxWatch watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var current = await store.FindAsync(watch.Key, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return await CreateAsync(watch, cancellationToken).ConfigureAwait(false);
        }

        if (time.GetUtcNow() < current.RenewDueAt)
        {
            return current;
        }

        var expires = time.GetUtcNow() + watch.EffectiveLifetime;
        try
        {
            var renewed = await graph.Subscriptions[current.SubscriptionId]
                .PatchAsync(new Subscription { ExpirationDateTime = expires }, cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = current with { RenewedAt = time.GetUtcNow(), ExpiresAt = renewed?.ExpirationDateTime ?? expires };
            await store.SaveAsync(next, cancellationToken).ConfigureAwait(false);
            LogRenewed(logger, current.SubscriptionId, next.ExpiresAt);
            return next;
        }
        catch (ODataError ex) when (ex.ResponseStatusCode is 404 or 400)
        {
            LogRecreating(logger, current.SubscriptionId, ex.ResponseStatusCode);
            return await RecreateAsync(watch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes whatever subscription is stored (if Graph still has it) and creates a new one.</summary>
    public async Task<MailboxSubscription> RecreateAsync(MailboxWatch watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var current = await store.FindAsync(watch.Key, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            try
            {
                await graph.Subscriptions[current.SubscriptionId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError ex) when (ex.ResponseStatusCode is 404)
            {
                // Already gone: that is why we are recreating.
            }
        }

        return await CreateAsync(watch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers reauthorizationRequired; a subscription Graph no longer knows is recreated.</summary>
    public async Task<MailboxSubscription> ReauthorizeAsync(MailboxWatch watch, string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        try
        {
            await graph.Subscriptions[subscriptionId].Reauthorize.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            LogReauthorized(logger, subscriptionId);
            return await store.FindAsync(watch.Key, cancellationToken).ConfigureAwait(false)
                ?? await CreateAsync(watch, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError ex) when (ex.ResponseStatusCode is 404 or 400)
        {
            return await RecreateAsync(watch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<MailboxSubscription> CreateAsync(MailboxWatch watch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var created = await graph.Subscriptions.PostAsync(
            new Subscription
            {
                ChangeType = watch.ChangeType,
                Resource = watch.Resource,
                NotificationUrl = watch.NotificationUrl,
                LifecycleNotificationUrl = watch.LifecycleNotificationUrl,
                ClientState = watch.ClientState,
                ExpirationDateTime = now + watch.EffectiveLifetime,
            },
            cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Graph created a subscription but returned no body.");
        var subscription = new MailboxSubscription(
            watch.Key,
            created.Id ?? throw new InvalidOperationException("Graph returned a subscription without an id."),
            now,
            created.ExpirationDateTime ?? now + watch.EffectiveLifetime);
        await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        LogCreated(logger, subscription.SubscriptionId, subscription.ExpiresAt);
        return subscription;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} created, expires {ExpiresAt:o}")]
    private static partial void LogCreated(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} renewed until {ExpiresAt:o}")]
    private static partial void LogRenewed(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} could not be renewed (HTTP {Status}); recreating it")]
    private static partial void LogRecreating(ILogger logger, string subscriptionId, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} reauthorized")]
    private static partial void LogReauthorized(ILogger logger, string subscriptionId);
}
