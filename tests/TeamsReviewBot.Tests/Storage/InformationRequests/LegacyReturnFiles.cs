using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Tests.Storage.InformationRequests;

/// <summary>Writes a returned file the way the earlier version did: 60 KiB chunk rows, then the meta row.</summary>
internal static class LegacyReturnFiles
{
    private const int ChunkBytes = 60 * 1024;

    public static async Task WriteAsync(StorageTables tables, string id, string name, byte[] content)
    {
        var table = await tables.GetAsync(tables.Names.ReturnFiles);
        var chunks = (int)Math.Ceiling(content.Length / (double)ChunkBytes);
        var actions = new List<TableTransactionAction>();
        for (var i = 0; i < chunks; i++)
        {
            var slice = content.AsMemory(i * ChunkBytes, Math.Min(ChunkBytes, content.Length - (i * ChunkBytes)));
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(id, "chunk-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)) { ["Data"] = slice.ToArray() }));
            if (actions.Count == 40)
            {
                await table.SubmitTransactionAsync(actions);
                actions.Clear();
            }
        }

        if (actions.Count > 0)
        {
            await table.SubmitTransactionAsync(actions);
        }

        await table.UpsertEntityAsync(new TableEntity(id, "meta")
        {
            ["Name"] = name,
            ["ContentType"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ["Size"] = (long)content.Length,
            ["Chunks"] = chunks,
        });
    }

    /// <summary>The rows left in the file's partition, by row key.</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(StorageTables tables, string id)
    {
        var table = await tables.GetAsync(tables.Names.ReturnFiles);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), select: ["RowKey"]))
        {
            rows.Add(row.RowKey);
        }

        return rows;
    }
}
