using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// The case index: partition = partnership, row = case code. Each row records the stream version it
/// reflects and is only ever replaced by a newer one, so writers finishing out of order cannot
/// roll it back.
/// </summary>
public sealed class CaseIndexStore(StorageTables tables)
{
    // Forgetting costs one read later: the map is dropped when it grows past this.
    private const int MostRemembered = 4096;

    // The row this instance last wrote for each case, with the ETag the write returned: the next
    // write replaces it on that ETag without reading it first (a row moved elsewhere since fails it
    // and is read as before).
    private readonly ConcurrentDictionary<string, (long Version, ETag ETag)> _written = new(StringComparer.Ordinal);

    public Task<bool> RecordAsync(CaseIndexEntry entry, CancellationToken cancellationToken = default) =>
        RecordAsync(entry, likelyNew: false, cancellationToken);

    /// <summary>As above; <paramref name="likelyNew"/> (a case just opened) adds the row without reading first, and reads only if it is there already.</summary>
    public async Task<bool> RecordAsync(CaseIndexEntry entry, bool likelyNew, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(tables.Names.CaseIndex, cancellationToken).ConfigureAwait(false);
        if (_written.TryGetValue(entry.CaseCode, out var mine))
        {
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
        if (_written.Count >= MostRemembered)
        {
            _written.Clear();
        }

        if (response.Headers.ETag is { } etag)
        {
            _written[entry.CaseCode] = (entry.Version, etag);
        }
        else
        {
            _written.TryRemove(entry.CaseCode, out _);
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
}
