using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.InformationRequests;

/// <summary>
/// The cases with information requests still open, so an incoming reply is matched against the
/// requests of every such case (a handful at a time in any partnership), not against every case ever.
/// Every message taken in asks for this list, so it is read at most once every
/// <see cref="Fresh"/> and kept: this instance's own changes show at once, another instance's
/// within <see cref="Fresh"/>. A case joins the list when its agencies are chosen, before any
/// request mail is sent, so no reply can come back sooner than that. Only the list is kept; the
/// requests themselves are read from each case's stream at every match.
/// </summary>
public sealed class RequestCaseIndex(StorageTables tables)
{
    /// <summary>How long a read of the list is used before it is read again.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(15);

    private const string Partition = "open";

    private readonly Lock _gate = new();
    private HashSet<string>? _cached;
    private long _readAt;
    private long _changes;

    public async Task OpenAsync(string caseCode, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.RequestCases, cancellationToken).ConfigureAwait(false);
        var code = caseCode.ToUpperInvariant();
        await table.UpsertEntityAsync(new TableEntity(Partition, code), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        Changed(cached => cached.Add(code));
    }

    public async Task CloseAsync(string caseCode, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.RequestCases, cancellationToken).ConfigureAwait(false);
        var code = caseCode.ToUpperInvariant();
        await table.DeleteEntityAsync(Partition, code, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
        Changed(cached => cached.Remove(code));
    }

    public async Task<IReadOnlyList<string>> OpenCasesAsync(CancellationToken cancellationToken = default)
    {
        long changesBefore;
        lock (_gate)
        {
            if (_cached is not null && Environment.TickCount64 - _readAt < (long)Fresh.TotalMilliseconds)
            {
                return [.. _cached];
            }

            changesBefore = _changes;
        }

        var readAt = Environment.TickCount64;
        var table = await tables.GetAsync(tables.Names.RequestCases, cancellationToken).ConfigureAwait(false);
        var codes = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            codes.Add(row.RowKey);
        }

        lock (_gate)
        {
            // A change made here while the list was being read may be missing from it: keep the read only if none was.
            if (_changes == changesBefore)
            {
                _cached = new HashSet<string>(codes, StringComparer.Ordinal);
                _readAt = readAt;
            }
        }

        return codes;
    }

    private void Changed(Action<HashSet<string>> change)
    {
        lock (_gate)
        {
            _changes++;
            if (_cached is not null)
            {
                change(_cached);
            }
        }
    }
}
