using Azure.Data.Tables;
using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Storage.InformationRequests;

/// <summary>
/// Finds the "{case code}.requests" streams a previous version wrote beside each case stream. The
/// table is asked for every stream's first row only, so the answer is one row per stream.
/// </summary>
public sealed class OldRequestStreams(StorageTables tables)
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {TableCaseEventStore.RowKeyOf(1)}");
        var streams = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.PartitionKey.EndsWith(RequestBook.OldStreamSuffix, StringComparison.Ordinal))
            {
                streams.Add(row.PartitionKey);
            }
        }

        return streams;
    }
}
