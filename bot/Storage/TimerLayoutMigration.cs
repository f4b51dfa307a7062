using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Moves the timers a previous version kept in one partition ("timers": a "due|time|id" row and an
/// "id|id" row each, "dead|…" rows for those set aside) into the layout keyed by stream (see
/// <see cref="DurableTimerStore"/>). Each timer is copied first (index row, then timer row, its
/// attempts kept) and its old rows removed after, so a crash part way leaves every timer in one layout
/// or both, and running again finishes the rest. A timer already in the new layout (scheduled again
/// since) is newer and stays as it is. A marker row records that the move is done, so later starts
/// cost one point read.
/// </summary>
public sealed class TimerLayoutMigration(StorageTables tables, TimeProvider time)
{
    private const string MarkerPartition = "~migrations";
    private const string MarkerRow = "timers-by-stream";

    /// <summary>Moves what is left; returns how many timers (dead ones included) were moved.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue)
        {
            return 0;
        }

        var old = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DurableTimerStore.OldPartition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            old.Add(row);
        }

        var moved = 0;
        foreach (var row in old.Where(r => r.RowKey.StartsWith("due|", StringComparison.Ordinal)))
        {
            var timer = DurableTimerStore.FromTimerRow(row);
            await table.UpsertEntityAsync(DurableTimerStore.IndexRow(timer, time.GetUtcNow()), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            try
            {
                await table.AddEntityAsync(DurableTimerStore.TimerRow(timer, row.GetInt32("Attempts") ?? 0), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Scheduled again in the new layout since: that one is newer.
            }

            await table.DeleteEntityAsync(DurableTimerStore.OldPartition, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            await table.DeleteEntityAsync(DurableTimerStore.OldPartition, "id|" + timer.Id, ETag.All, cancellationToken).ConfigureAwait(false);
            moved++;
        }

        foreach (var row in old.Where(r => r.RowKey.StartsWith("dead|", StringComparison.Ordinal)))
        {
            var timer = DurableTimerStore.FromTimerRow(row);
            var dead = new TableEntity(row) { PartitionKey = DurableTimerStore.DeadPartition, RowKey = timer.StreamId + "|" + timer.Id + "|" + row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..] };
            await table.UpsertEntityAsync(dead, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            await table.DeleteEntityAsync(DurableTimerStore.OldPartition, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            moved++;
        }

        // Pointer rows left without their due row (a timer that fired as the old version stopped) go too.
        foreach (var row in old.Where(r => r.RowKey.StartsWith("id|", StringComparison.Ordinal)))
        {
            await table.DeleteEntityAsync(DurableTimerStore.OldPartition, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        await table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Moved"] = moved, ["DoneAt"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return moved;
    }
}
