using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Storage.Files;

namespace TeamsReviewBot.Storage.InformationRequests;

/// <summary>
/// Moves the returned files an earlier version kept in Table chunk rows into Blob Storage. For each
/// such file: the chunks are read, uploaded as its blob, the blob is read back and checked against
/// the chunks' SHA-256, and only then does the meta row name the blob (on its ETag, so a file
/// replaced meanwhile is left to its new version) and the chunk rows go. A crash at any point leaves
/// either the old rows, still read as before, or a verified blob; running again finishes the rest,
/// and once everything is moved it does nothing. A file whose old rows are damaged (chunks missing)
/// keeps them and is named in the result; the others move regardless.
/// </summary>
public sealed class ReturnFileMigration(StorageTables tables, CaseFileBlobs blobs)
{
    /// <summary>Moves what is left; says how many files moved to a blob and which could not be read to move.</summary>
    public async Task<ReturnFileMigrationResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ReturnFiles, cancellationToken).ConfigureAwait(false);
        var moved = 0;
        var damaged = new List<string>();
        foreach (var partition in await PartitionsWithOldRowsAsync(table, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await MoveAsync(table, partition, cancellationToken).ConfigureAwait(false))
                {
                    moved++;
                }
            }
            catch (InvalidDataException)
            {
                damaged.Add(partition);
            }
        }

        return new ReturnFileMigrationResult(moved, damaged);
    }

    /// <summary>Files whose meta row names no blob yet, and files whose chunk rows are still there.</summary>
    private static async Task<IReadOnlyCollection<string>> PartitionsWithOldRowsAsync(TableClient table, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey eq {ReturnFileStore.Meta} or (RowKey ge {ReturnFileStore.ChunkPrefix} and RowKey lt {ReturnFileStore.ChunkPrefix + "~"})");
        var partitions = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Blob"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey != ReturnFileStore.Meta || row.GetString("Blob") is null)
            {
                partitions.Add(row.PartitionKey);
            }
        }

        return partitions;
    }

    private async Task<bool> MoveAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, ReturnFileStore.Meta, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is null)
        {
            // Chunks of a save that never finished: that file was never stored, and nothing reads them.
            return false;
        }

        var meta = found.Value;
        var moved = false;
        if (meta.GetString("Blob") is null)
        {
            // Legacy ids are "{case code}|…" with nothing a partition key replaces, so the partition is the id.
            var id = partition;
            var content = await ReturnFileStore.ReadChunksAsync(table, meta, cancellationToken).ConfigureAwait(false);
            var sha256 = CaseFileBlobs.Digest(content);
            var blob = await blobs.PutAsync(tables.Names.ReturnFileContainer, ReturnFileStore.FolderOf(id), content, cancellationToken).ConfigureAwait(false);
            var readBack = await blobs.GetAsync(tables.Names.ReturnFileContainer, blob, sha256, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"The blob of stored file {id} was not there once uploaded.");
            if (readBack.Length != content.Length)
            {
                throw new InvalidDataException($"The blob of stored file {id} holds {readBack.Length} bytes, not {content.Length}.");
            }

            var pointed = ReturnFileStore.MetaRow(id, meta.GetString("Name") ?? id, meta.GetString("ContentType") ?? "application/octet-stream", content.Length, blob, sha256);
            try
            {
                await table.UpdateEntityAsync(pointed, meta.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Replaced or deleted since it was read: its new version (or its deletion) is what stands.
                return false;
            }

            moved = true;
        }

        await ReturnFileStore.DeleteRowsAsync(table, partition, ReturnFileStore.ChunkPrefix, cancellationToken).ConfigureAwait(false);
        return moved;
    }
}

/// <param name="Moved">Files moved to a blob by this run.</param>
/// <param name="Damaged">Files (ids) whose old rows could not be read whole: left as they are.</param>
public sealed record ReturnFileMigrationResult(int Moved, IReadOnlyList<string> Damaged);
