using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.InformationRequests;

/// <summary>A stored file: its name, type and bytes.</summary>
public sealed record StoredFile(string Id, string Name, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>
/// Files agencies return, and the merged chronology, kept in Table Storage: one partition per file,
/// a "meta" row and the bytes in 60 KiB chunks (a binary property holds at most 64 KiB and an entity
/// 1 MiB). Chunks are written in transactions of 40 (a transaction carries at most 4 MiB once the
/// bytes are base64-encoded), then the meta row last, so a file is only found once it is whole.
/// </summary>
public sealed class ReturnFileStore(StorageTables tables)
{
    private const int ChunkBytes = 60 * 1024;
    private const int ChunksPerTransaction = 40;
    private const string Meta = "meta";

    /// <summary>Stores the file under <paramref name="id"/>; storing the same id again replaces it.</summary>
    public async Task SaveAsync(StoredFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var table = await tables.GetAsync(tables.Names.ReturnFiles, cancellationToken).ConfigureAwait(false);
        var partition = Partition(file.Id);
        var chunks = (int)Math.Ceiling(file.Content.Length / (double)ChunkBytes);
        var actions = new List<TableTransactionAction>();
        for (var i = 0; i < chunks; i++)
        {
            var slice = file.Content.Slice(i * ChunkBytes, Math.Min(ChunkBytes, file.Content.Length - (i * ChunkBytes)));
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, ChunkKey(i)) { ["Data"] = slice.ToArray() }));
            if (actions.Count == ChunksPerTransaction)
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                actions.Clear();
            }
        }

        if (actions.Count > 0)
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }

        await table.UpsertEntityAsync(
            new TableEntity(partition, Meta)
            {
                ["Name"] = file.Name,
                ["ContentType"] = file.ContentType,
                ["Size"] = (long)file.Content.Length,
                ["Chunks"] = chunks,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredFile?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ReturnFiles, cancellationToken).ConfigureAwait(false);
        var partition = Partition(id);
        var meta = await table.GetEntityIfExistsAsync<TableEntity>(partition, Meta, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!meta.HasValue || meta.Value is null)
        {
            return null;
        }

        var size = meta.Value.GetInt64("Size") ?? 0;
        var chunks = meta.Value.GetInt32("Chunks") ?? 0;
        var content = new byte[size];
        var offset = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ChunkKey(0)} and RowKey le {ChunkKey(chunks - 1)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var data = row.GetBinary("Data");
            data.CopyTo(content, offset);
            offset += data.Length;
        }

        if (offset != size)
        {
            throw new InvalidDataException($"Stored file {id} is incomplete: {offset} of {size} bytes.");
        }

        return new StoredFile(id, meta.Value.GetString("Name") ?? id, meta.Value.GetString("ContentType") ?? "application/octet-stream", content);
    }

    /// <summary>Deletes the file under <paramref name="id"/> (its description and every chunk); returns
    /// how many rows went. Deleting a file that is not there deletes nothing.</summary>
    public async Task<int> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ReturnFiles, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(id)}");
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            deleted++;
        }

        return deleted;
    }

    private static string Partition(string id) =>
        new([.. id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '-' : c)]);

    private static string ChunkKey(int index) => "chunk-" + index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
