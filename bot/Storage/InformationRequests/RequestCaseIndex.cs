using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.InformationRequests;

/// <summary>
/// The cases with information requests still open, so an incoming reply is matched against the
/// requests of every such case (a handful at a time in any partnership), not against every case ever.
/// </summary>
public sealed class RequestCaseIndex(StorageTables tables)
{
    private const string Partition = "open";

    public async Task OpenAsync(string caseCode, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.RequestCases, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Partition, caseCode.ToUpperInvariant()), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task CloseAsync(string caseCode, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.RequestCases, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(Partition, caseCode.ToUpperInvariant(), Azure.ETag.All, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> OpenCasesAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.RequestCases, cancellationToken).ConfigureAwait(false);
        var codes = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            codes.Add(row.RowKey);
        }

        return codes;
    }
}
