namespace TeamsReviewBot.GraphIntegration.Subscriptions;

/// <summary>The live subscription for a mailbox as last agreed with Graph.</summary>
public sealed record MailboxSubscription(string Mailbox, string SubscriptionId, DateTimeOffset RenewedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Renew at half-life: a missed renewal still leaves half the lifetime to try again.</summary>
    public DateTimeOffset RenewDueAt => RenewedAt + ((ExpiresAt - RenewedAt) / 2);
}
