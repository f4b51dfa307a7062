using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.GraphIntegration.Subscriptions;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.Intake;

/// <summary>
/// The mailbox's sync state in Table Storage: partition = mailbox; rows "subscription" and
/// "delta" (the deltaLink to resume from). Survives restarts and is shared by all instances.
/// </summary>
public sealed class MailboxSyncStore(StorageTables tables) : ISubscriptionStateStore
{
    private const string SubscriptionRow = "subscription";
    private const string DeltaRow = "delta";

    public async Task<MailboxSubscription?> FindAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        var row = await GetAsync(mailbox, SubscriptionRow, cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new MailboxSubscription(
                mailbox,
                row.GetString("SubscriptionId") ?? string.Empty,
                row.GetDateTimeOffset("RenewedAt") ?? DateTimeOffset.MinValue,
                row.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue);
    }

    public async Task SaveAsync(MailboxSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var table = await tables.GetAsync(tables.Names.MailboxSync, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TableEntity(Key(subscription.Mailbox), SubscriptionRow)
            {
                ["SubscriptionId"] = subscription.SubscriptionId,
                ["RenewedAt"] = subscription.RenewedAt,
                ["ExpiresAt"] = subscription.ExpiresAt,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetDeltaLinkAsync(string mailbox, CancellationToken cancellationToken = default) =>
        (await GetAsync(mailbox, DeltaRow, cancellationToken).ConfigureAwait(false))?.GetString("DeltaLink");

    public async Task SaveDeltaLinkAsync(string mailbox, string deltaLink, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailboxSync, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TableEntity(Key(mailbox), DeltaRow) { ["DeltaLink"] = deltaLink, ["SyncedAt"] = at },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableEntity?> GetAsync(string mailbox, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.MailboxSync, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Key(mailbox), rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value : null;
    }

    internal static string Key(string mailbox) => mailbox.ToUpperInvariant();
}
