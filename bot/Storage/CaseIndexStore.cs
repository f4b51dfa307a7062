using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// The case index: partition = partnership, row = case code. Each row records the stream version it
/// reflects and is only ever replaced by a newer one, so writers finishing out of order cannot
/// roll it back. The rows this instance wrote are remembered for at most <paramref name="capacity"/>
/// cases (<see cref="DefaultCapacity"/>), the least recently used forgotten first: a forgotten case
/// costs one read the next time its row is written, and the cases being worked on are not forgotten.
/// </summary>
public sealed class CaseIndexStore(StorageTables tables, int capacity = CaseIndexStore.DefaultCapacity)
{
    /// <summary>By default: far more cases than a partnership works on at once.</summary>
    public const int DefaultCapacity = 4096;

    private readonly int _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "At least one case's row must be remembered.");

    // The row this instance last wrote for each case, with the ETag the write returned: the next
    // write replaces it on that ETag without reading it first (a row moved elsewhere since fails it
    // and is read as before).
    private readonly ConcurrentDictionary<string, Written> _written = new(StringComparer.Ordinal);
    private long _clock;
    private int _forgetting;

    /// <summary>How many cases' rows are remembered now.</summary>
    public int RememberedCases => _written.Count;

    public Task<bool> RecordAsync(CaseIndexEntry entry, CancellationToken cancellationToken = default) =>
        RecordAsync(entry, likelyNew: false, cancellationToken);

    /// <summary>As above; <paramref name="likelyNew"/> (a case just opened) adds the row without reading first, and reads only if it is there already.</summary>
    public async Task<bool> RecordAsync(CaseIndexEntry entry, bool likelyNew, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(tables.Names.CaseIndex, cancellationToken).ConfigureAwait(false);
        if (_written.TryGetValue(entry.CaseCode, out var mine))
        {
            mine.Touch(Interlocked.Increment(ref _clock));

            // Rows only ever move forward: one this instance wrote at this version or later stands.
            if (mine.Version >= entry.Version)
            {
                return false;
            }

            try
            {
                var replaced = await table.UpdateEntityAsync(ToEntity(entry), mine.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                Wrote(entry, replaced);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Moved or removed elsewhere since: read it below.
                _written.TryRemove(entry.CaseCode, out _);
            }
        }
        else if (likelyNew)
        {
            try
            {
                Wrote(entry, await table.AddEntityAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false));
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Recorded already: compare versions below.
            }
        }

        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(entry.Partnership, entry.CaseCode, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue || existing.Value is null)
                {
                    Wrote(entry, await table.AddEntityAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false));
                    return true;
                }

                if ((existing.Value.GetInt64("Version") ?? 0) >= entry.Version)
                {
                    return false;
                }

                Wrote(entry, await table.UpdateEntityAsync(ToEntity(entry), existing.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false));
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer moved the row meanwhile: look again.
            }
        }
    }

    private void Wrote(CaseIndexEntry entry, Response response)
    {
        if (response.Headers.ETag is not { } etag)
        {
            _written.TryRemove(entry.CaseCode, out _);
            return;
        }

        _written[entry.CaseCode] = new Written(entry.Version, etag, Interlocked.Increment(ref _clock));
        if (_written.Count > _capacity)
        {
            ForgetLeastRecentlyUsed();
        }
    }

    // Forgets the least recently used rows down to nine tenths of the capacity, so the sort happens
    // once per tenth of the capacity rather than on every new case (as AggregateStore trims its views).
    // One caller forgets at a time; the others go on (the bound is briefly exceeded, never lost).
    private void ForgetLeastRecentlyUsed()
    {
        if (Interlocked.Exchange(ref _forgetting, 1) == 1)
        {
            return;
        }

        try
        {
            var excess = _written.Count - (_capacity - (_capacity / 10));
            foreach (var (caseCode, written) in _written.ToArray().OrderBy(e => e.Value.LastUsed).Take(Math.Max(excess, 0)))
            {
                // Only the row as seen: one written meanwhile is newer and stays.
                _written.TryRemove(new KeyValuePair<string, Written>(caseCode, written));
            }
        }
        finally
        {
            Volatile.Write(ref _forgetting, 0);
        }
    }

    public async Task<CaseIndexEntry?> FindAsync(string partnership, string caseCode, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseIndex, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partnership, caseCode, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? FromEntity(row.Value) : null;
    }

    /// <summary>Finds a case by its code alone (codes are unique across partnerships).</summary>
    public async Task<CaseIndexEntry?> FindByCodeAsync(string caseCode, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseIndex, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {caseCode}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return FromEntity(row);
        }

        return null;
    }

    public async Task<IReadOnlyList<CaseIndexEntry>> ListAsync(string? partnership = null, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseIndex, cancellationToken).ConfigureAwait(false);
        var filter = partnership is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partnership}");
        var entries = new List<CaseIndexEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(FromEntity(row));
        }

        return entries;
    }

    private static TableEntity ToEntity(CaseIndexEntry e) => new(e.Partnership, e.CaseCode)
    {
        ["Stage"] = e.Stage,
        ["NextDeadline"] = e.NextDeadline,
        ["NextDeadlineName"] = e.NextDeadlineName,
        ["OpenedAt"] = e.OpenedAt,
        ["Version"] = e.Version,
    };

    private static CaseIndexEntry FromEntity(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        e.GetString("Stage"),
        e.GetDateTimeOffset("NextDeadline"),
        e.GetString("NextDeadlineName"),
        e.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue,
        e.GetInt64("Version") ?? 0);

    /// <summary>A row this instance wrote, with when it was last used (a counter, not a clock: only the order matters).</summary>
    private sealed class Written(long version, ETag etag, long used)
    {
        private long _lastUsed = used;

        public long Version { get; } = version;

        public ETag ETag { get; } = etag;

        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public void Touch(long used) => Interlocked.Exchange(ref _lastUsed, used);
    }
}
