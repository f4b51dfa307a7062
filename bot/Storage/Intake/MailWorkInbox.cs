using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.Intake;

/// <summary>
/// Notifications and delta finds stored before anything else happens, so a crash loses nothing:
/// partition "work", row = arrival ticks + random suffix. A worker leases rows under their ETag,
/// deletes them when done, and a row whose lease has run out is offered again. A batch is leased and
/// deleted in one transaction each (the rows share their partition); when another worker has moved
/// a row meanwhile the transaction fails as a whole and the rows are taken one at a time. Each lease
/// writes a token of its own, so a lease stored but whose answer was lost (the table client's retry
/// then meets 412) is known for this worker's and its work done now, not when that lease runs out.
/// </summary>
public sealed class MailWorkInbox(StorageTables tables, TimeProvider time)
{
    private const string Partition = "work";
    private const int TransactionLimit = 100;
    private const string LeaseToken = "LeaseToken"; // also named in LeasedWithAsync's filter

    public async Task EnqueueAsync(IReadOnlyList<MailWorkItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(tables.Names.MailNotifications, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var chunk in items.Chunk(TransactionLimit))
        {
            var actions = chunk.Select(item => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, NewRowKey(now))
            {
                ["Kind"] = item.Kind.ToString(),
                ["Target"] = item.Target,
                ["SubscriptionId"] = item.SubscriptionId,
                ["Source"] = item.Source,
                ["LeaseUntil"] = now,
                ["Attempts"] = 0,
            })).ToList();
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Leases up to <paramref name="max"/> items whose lease is free, oldest first.</summary>
    public async Task<IReadOnlyList<ClaimedMailWork>> ClaimAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailNotifications, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var token = OwnWrites.NewToken();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and LeaseUntil le {now}");
        var free = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, TransactionLimit), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            row["LeaseUntil"] = now + lease;
            row["Attempts"] = (row.GetInt32("Attempts") ?? 0) + 1;
            row[LeaseToken] = token;
            free.Add(row);
            if (free.Count >= Math.Min(max, TransactionLimit))
            {
                break;
            }
        }

        if (free.Count > 1)
        {
            try
            {
                var responses = await table.SubmitTransactionAsync(free.Select(row => new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)), cancellationToken).ConfigureAwait(false);
                return [.. free.Select((row, i) => Claimed(row, responses.Value[i].Headers.ETag ?? ETag.All))];
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
            {
                // Another worker leased one of them first, or this transaction was stored and its
                // answer lost: a transaction is all or nothing, so finding any row with this lease's
                // token means all of them are this worker's. Otherwise take the rest one at a time.
                if (await LeasedWithAsync(table, token, cancellationToken).ConfigureAwait(false) is { Count: > 0 } ours)
                {
                    return ours;
                }
            }
        }

        var claimed = new List<ClaimedMailWork>();
        foreach (var row in free)
        {
            try
            {
                // Not ours when another worker leased it first (a lost answer of this lease's is ours).
                var write = await OwnWrites.UpdateAsync(table, row, row.ETag, TableUpdateMode.Replace, LeaseToken, cancellationToken).ConfigureAwait(false);
                if (write.Ours)
                {
                    claimed.Add(Claimed(row, write.ETag ?? ETag.All));
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Completed meanwhile by a worker whose lease had run out.
            }
        }

        return claimed;
    }

    private static async Task<IReadOnlyList<ClaimedMailWork>> LeasedWithAsync(TableClient table, string token, CancellationToken cancellationToken)
    {
        var ours = new List<ClaimedMailWork>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and LeaseToken eq {token}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ours.Add(Claimed(row, row.ETag));
        }

        return ours;
    }

    /// <summary>Deletes finished work in one transaction, or one at a time if one of them is gone already.</summary>
    public async Task CompleteAsync(IReadOnlyList<ClaimedMailWork> done, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (done.Count > 1)
        {
            var table = await tables.GetAsync(tables.Names.MailNotifications, cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var chunk in done.Chunk(TransactionLimit))
                {
                    await table.SubmitTransactionAsync(chunk.Select(work => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, work.RowKey), ETag.All)), cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Completed already by a worker whose lease we outlived: delete the rest one at a time.
            }
        }

        foreach (var work in done)
        {
            await CompleteAsync(work, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CompleteAsync(ClaimedMailWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var table = await tables.GetAsync(tables.Names.MailNotifications, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(Partition, work.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already completed by a worker whose lease we outlived; nothing left to do.
        }
    }

    /// <summary>Offers a failed item again after <paramref name="delay"/> rather than at the end of its lease.</summary>
    public async Task RetryLaterAsync(ClaimedMailWork work, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var table = await tables.GetAsync(tables.Names.MailNotifications, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(
                new TableEntity(Partition, work.RowKey) { ["LeaseUntil"] = time.GetUtcNow() + delay },
                work.ETag,
                TableUpdateMode.Merge,
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Completed or re-leased meanwhile: nothing to give back.
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailNotifications, cancellationToken).ConfigureAwait(false);
        var count = 0;
        await foreach (var unused in table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static ClaimedMailWork Claimed(TableEntity row, ETag etag) => new(row.RowKey, FromEntity(row), row.GetInt32("Attempts") ?? 1, etag);

    private static MailWorkItem FromEntity(TableEntity row) => new(
        Enum.Parse<MailWorkKind>(row.GetString("Kind") ?? nameof(MailWorkKind.Message)),
        row.GetString("Target") ?? string.Empty,
        row.GetString("SubscriptionId"),
        row.GetString("Source") ?? string.Empty);

    private static string NewRowKey(DateTimeOffset now) =>
        now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
}
