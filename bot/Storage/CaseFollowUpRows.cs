using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// The follow-up a case stream owes after an append: one row per stream in the case events table
/// (row key "~follow-up", after every sequence number), written in the append's own transaction
/// (see <see cref="TableCaseEventStore"/>) and deleted once the follow-up is done. It records the
/// version before the first append it owes for (<see cref="OwedFollowUp.FromVersion"/>) only as
/// the last append saw it: the follow-up itself works from the stream as it stands. The row this
/// instance's own append wrote is remembered with the ETag the transaction returned
/// (<see cref="Known"/>), so its follow-up deletes it without reading it first; a row changed since
/// by another writer fails that delete on its ETag and is read again.
/// </summary>
public sealed class CaseFollowUpRows(StorageTables tables)
{
    public const string RowKey = "~follow-up";

    private readonly ConcurrentDictionary<string, OwedFollowUp> _written = new(StringComparer.Ordinal);

    /// <summary>The follow-up row this instance's last append to the stream wrote, while not yet completed here.</summary>
    public OwedFollowUp? Known(string streamId) => _written.TryGetValue(streamId, out var row) ? row : null;

    /// <summary>An append wrote the stream's row: remembered until its follow-up completes it.</summary>
    internal void Wrote(OwedFollowUp row) => _written[row.StreamId] = row;

    public async Task<OwedFollowUp?> FindAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(streamId, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? From(row.Value) : null;
    }

    /// <summary>
    /// Every stream that owes a follow-up. A query across the whole events table (it returns only
    /// the owed rows, but the service reads every partition to find them), so it runs at start-up
    /// and every few minutes, never per request.
    /// </summary>
    public async Task<IReadOnlyList<OwedFollowUp>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        var owed = new List<OwedFollowUp>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {RowKey}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            owed.Add(From(row));
        }

        return owed;
    }

    /// <summary>Marks the follow-up done, unless an append owed it again since it was read (then it stays owed); true when no longer owed.</summary>
    public async Task<bool> CompleteAsync(OwedFollowUp owed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owed);
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(owed.StreamId, RowKey, owed.ETag, cancellationToken).ConfigureAwait(false);
            Forget(owed);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Owed again since (by another writer, if this instance did not know it): read it next time.
            Forget(owed);
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Completed by the follow-up of a later append: nothing is owed.
            Forget(owed);
            return true;
        }
    }

    private void Forget(OwedFollowUp owed)
    {
        if (_written.TryGetValue(owed.StreamId, out var known) && known.ETag == owed.ETag)
        {
            _written.TryRemove(new KeyValuePair<string, OwedFollowUp>(owed.StreamId, known));
        }
    }

    internal static TableEntity Row(string streamId, long fromVersion, long toVersion, DateTimeOffset owedSince) => new(streamId, RowKey)
    {
        ["FromVersion"] = fromVersion,
        ["ToVersion"] = toVersion,
        ["OwedSince"] = owedSince,
    };

    private static OwedFollowUp From(TableEntity row) => new(
        row.PartitionKey,
        row.GetInt64("FromVersion") ?? 0,
        row.GetInt64("ToVersion") ?? 0,
        row.GetDateTimeOffset("OwedSince") ?? DateTimeOffset.MinValue,
        row.ETag);
}

/// <summary>A stream's owed follow-up: appended from <paramref name="FromVersion"/> to <paramref name="ToVersion"/>, owed since <paramref name="OwedSince"/>.</summary>
public sealed record OwedFollowUp(string StreamId, long FromVersion, long ToVersion, DateTimeOffset OwedSince, ETag ETag);
