using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.Intake;

/// <summary>A message the bot did not act on by itself, for a business manager to open from the link.
/// Carries no subject or body: those may name the child.</summary>
public sealed record MailForReview(string InternetMessageId, string? From, DateTimeOffset ReceivedAt, string Reason, string? WebLink, string? CaseCode);

/// <summary>Mail awaiting a business manager: partition = mailbox, row = internetMessageId (so a
/// message is listed once however often it is seen).</summary>
public sealed class MailForReviewStore(StorageTables tables)
{
    public async Task AddAsync(string mailbox, MailForReview item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var table = await tables.GetAsync(tables.Names.MailForReview, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TableEntity(MailboxSyncStore.Key(mailbox), IdempotencyStore.KeySafe(item.InternetMessageId))
            {
                ["InternetMessageId"] = item.InternetMessageId,
                ["From"] = item.From,
                ["ReceivedAt"] = item.ReceivedAt,
                ["Reason"] = item.Reason,
                ["WebLink"] = item.WebLink,
                ["CaseCode"] = item.CaseCode,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ContainsAsync(string mailbox, string internetMessageId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailForReview, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(MailboxSyncStore.Key(mailbox), IdempotencyStore.KeySafe(internetMessageId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue;
    }

    public async Task<IReadOnlyList<MailForReview>> ListAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailForReview, cancellationToken).ConfigureAwait(false);
        var items = new List<MailForReview>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {MailboxSyncStore.Key(mailbox)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            items.Add(new MailForReview(
                row.GetString("InternetMessageId") ?? row.RowKey,
                row.GetString("From"),
                row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
                row.GetString("Reason") ?? string.Empty,
                row.GetString("WebLink"),
                row.GetString("CaseCode")));
        }

        return items.OrderByDescending(i => i.ReceivedAt).ToList();
    }
}
