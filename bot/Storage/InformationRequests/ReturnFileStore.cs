using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Storage.Files;

namespace TeamsReviewBot.Storage.InformationRequests;

/// <summary>A stored file: its name, type and bytes.</summary>
public sealed record StoredFile(string Id, string Name, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>
/// Files agencies return, and the merged chronology. The bytes are a blob in the returns container
/// (<see cref="CaseFileBlobs"/>: "{case code}/{id}/{SHA-256}", ids being "{case code}|…"); a "meta"
/// row in Table Storage (one partition per file) names the blob and its SHA-256, and is written
/// after the blob, so a file is only found once it is whole. Files stored by an earlier version kept
/// their bytes in 60 KiB "chunk-" rows of the same partition; those are read as they are until
/// <see cref="ReturnFileMigration"/> has moved them to a blob.
/// </summary>
public sealed class ReturnFileStore(StorageTables tables, CaseFileBlobs blobs)
{
    internal const string Meta = "meta";
    internal const string ChunkPrefix = "chunk-";

    /// <summary>Stores the file under <paramref name="id"/>; storing the same id again replaces it.</summary>
    public async Task SaveAsync(StoredFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var table = await tables.GetAsync(tables.Names.ReturnFiles, cancellationToken).ConfigureAwait(false);
        var folder = FolderOf(file.Id);
        var blob = await blobs.PutAsync(tables.Names.ReturnFileContainer, folder, file.Content, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(MetaRow(file.Id, file.Name, file.ContentType, file.Content.Length, blob, CaseFileBlobs.Digest(file.Content.Span)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        // What an earlier save of this id left: its blob, or its chunk rows if an earlier version wrote it.
        await blobs.DeleteFolderAsync(tables.Names.ReturnFileContainer, folder, keep: blob, cancellationToken).ConfigureAwait(false);
        await DeleteRowsAsync(table, Partition(file.Id), ChunkPrefix, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredFile?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ReturnFiles, cancellationToken).ConfigureAwait(false);
        var meta = await table.GetEntityIfExistsAsync<TableEntity>(Partition(id), Meta, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!meta.HasValue || meta.Value is null)
        {
            return null;
        }

        var row = meta.Value;
        var content = row.GetString("Blob") is { } blob
            ? await blobs.GetAsync(tables.Names.ReturnFileContainer, blob, row.GetString("Sha256") ?? string.Empty, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Stored file {id} has lost its blob.")
            : await ReadChunksAsync(table, row, cancellationToken).ConfigureAwait(false);
        return new StoredFile(id, row.GetString("Name") ?? id, row.GetString("ContentType") ?? "application/octet-stream", content);
    }

    /// <summary>Deletes the file under <paramref name="id"/> (its blob, its description and any chunk
    /// rows); returns how many rows and blobs went. Deleting a file that is not there deletes nothing.</summary>
    public async Task<int> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ReturnFiles, cancellationToken).ConfigureAwait(false);
        var deleted = await blobs.DeleteFolderAsync(tables.Names.ReturnFileContainer, FolderOf(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return deleted + await DeleteRowsAsync(table, Partition(id), rowPrefix: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The meta row of a file whose bytes are in <paramref name="blob"/>.</summary>
    internal static TableEntity MetaRow(string id, string name, string contentType, long size, string blob, string sha256) =>
        new(Partition(id), Meta)
        {
            ["Id"] = id,
            ["Name"] = name,
            ["ContentType"] = contentType,
            ["Size"] = size,
            ["Blob"] = blob,
            ["Sha256"] = sha256,
        };

    /// <summary>The bytes of a file an earlier version kept in chunk rows.</summary>
    internal static async Task<byte[]> ReadChunksAsync(TableClient table, TableEntity meta, CancellationToken cancellationToken)
    {
        var size = meta.GetInt64("Size") ?? 0;
        var content = new byte[size];
        var offset = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {meta.PartitionKey} and RowKey ge {ChunkPrefix} and RowKey lt {ChunkPrefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var data = row.GetBinary("Data");
            if (offset + data.Length > size)
            {
                throw new InvalidDataException($"Stored file {meta.PartitionKey} has more bytes than its {size}.");
            }

            data.CopyTo(content, offset);
            offset += data.Length;
        }

        return offset == size
            ? content
            : throw new InvalidDataException($"Stored file {meta.PartitionKey} is incomplete: {offset} of {size} bytes.");
    }

    internal static async Task<int> DeleteRowsAsync(TableClient table, string partition, string? rowPrefix, CancellationToken cancellationToken)
    {
        var filter = rowPrefix is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {rowPrefix} and RowKey lt {rowPrefix + "~"}");
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted by another instance meanwhile.
            }
        }

        return deleted;
    }

    internal static string Partition(string id) =>
        new([.. id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '-' : c)]);

    /// <summary>The file's blob folder: ids are "{case code}|…", so its case code leads.</summary>
    internal static string FolderOf(string id) => CaseFileBlobs.Folder(id.Split('|')[0], id);
}
