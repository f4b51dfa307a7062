using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Storage;

/// <summary>
/// A child's details, kept apart from the case stream and encrypted before they leave the process
/// (AES-256-GCM, <see cref="EnvelopeCipher"/>). Table {prefix}ChildDetails: partition = case code;
/// row "~key" holds the case's data key sealed with the key-encryption key; every other row is one
/// sealed record, in the row while it fits a property and in Blob Storage beyond that. Erasing a
/// case deletes its key, its rows and its blobs: what is left anywhere can no longer be read.
/// </summary>
public sealed class SealedDetailsStore(StorageTables tables, PayloadBlobStore payloads, IOptions<PrivacyOptions> options)
{
    private const string KeyRow = "~key";

    // A string property holds at most 32K UTF-16 characters; base64 of the sealed bytes beyond that goes to a blob.
    private const int MaxInlineCharacters = 32 * 1024;

    /// <summary>Seals <paramref name="plaintext"/> as the case's <paramref name="record"/>, replacing any earlier one.</summary>
    public async Task SealAsync(string caseCode, string record, string plaintext, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record);
        if (record == KeyRow)
        {
            throw new ArgumentException("That record name is the case key's.", nameof(record));
        }

        var table = await tables.GetAsync(tables.Names.ChildDetails, cancellationToken).ConfigureAwait(false);
        var dataKey = await DataKeyAsync(table, caseCode, create: true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The key of {caseCode} was erased while its details were being sealed.");
        var sealedBytes = EnvelopeCipher.Seal(dataKey, Encoding.UTF8.GetBytes(plaintext), Place(caseCode, record));
        var inline = Convert.ToBase64String(sealedBytes);
        var entity = new TableEntity(caseCode, record);
        if (inline.Length <= MaxInlineCharacters)
        {
            entity["Sealed"] = inline;
        }
        else
        {
            entity["SealedBlob"] = await payloads.PutAsync(Folder(caseCode), sealedBytes, cancellationToken).ConfigureAwait(false);
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Seals the first record of a case that has no key yet (a case being opened): the key and the
    /// record go in one transaction, without reading first. If the case has a key after all (a retry
    /// after a crash), the transaction fails whole and this seals as <see cref="SealAsync"/> does.
    /// </summary>
    public async Task SealFirstAsync(string caseCode, string record, string plaintext, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record);
        if (record == KeyRow)
        {
            throw new ArgumentException("That record name is the case key's.", nameof(record));
        }

        var kek = options.Value.KeyBytes() ?? throw new InvalidOperationException("Privacy:KeyEncryptionKey is not 32 bytes of base64.");
        var dataKey = EnvelopeCipher.NewKey();
        var inline = Convert.ToBase64String(EnvelopeCipher.Seal(dataKey, Encoding.UTF8.GetBytes(plaintext), Place(caseCode, record)));
        if (inline.Length > MaxInlineCharacters)
        {
            await SealAsync(caseCode, record, plaintext, cancellationToken).ConfigureAwait(false);
            return;
        }

        var table = await tables.GetAsync(tables.Names.ChildDetails, cancellationToken).ConfigureAwait(false);
        var key = new TableEntity(caseCode, KeyRow)
        {
            ["WrappedKey"] = Convert.ToBase64String(EnvelopeCipher.Seal(kek, dataKey, $"{caseCode}|{KeyRow}")),
            ["KeyId"] = options.Value.KeyId,
        };
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, key),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(caseCode, record) { ["Sealed"] = inline }),
                ],
                cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // The case has its key already: seal under that one.
            await SealAsync(caseCode, record, plaintext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The record as sealed, or null when there is none (never sealed, or erased).</summary>
    public async Task<string?> OpenAsync(string caseCode, string record, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ChildDetails, cancellationToken).ConfigureAwait(false);
        // The record and the case's key are two point reads of one partition: made together, not one after the other.
        var rowRead = table.GetEntityIfExistsAsync<TableEntity>(caseCode, record, cancellationToken: cancellationToken);
        var keyRead = DataKeyAsync(table, caseCode, create: false, cancellationToken);
        await Task.WhenAll(rowRead, keyRead).ConfigureAwait(false);
        var row = await rowRead.ConfigureAwait(false);
        if (!row.HasValue || row.Value is null || await keyRead.ConfigureAwait(false) is not { } dataKey)
        {
            return null;
        }

        var sealedBytes = row.Value.GetString("SealedBlob") is { } blob
            ? await payloads.GetAsync(blob, cancellationToken).ConfigureAwait(false)
            : Convert.FromBase64String(row.Value.GetString("Sealed") ?? string.Empty);
        return Encoding.UTF8.GetString(EnvelopeCipher.Open(dataKey, sealedBytes, Place(caseCode, record)));
    }

    /// <summary>Seals <paramref name="plaintext"/> with the case's key as its <paramref name="record"/>, for the
    /// caller to keep elsewhere (a file in a container of its own); the case's key is made if it has none.</summary>
    public async Task<byte[]> SealBytesAsync(string caseCode, string record, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ChildDetails, cancellationToken).ConfigureAwait(false);
        var dataKey = await DataKeyAsync(table, caseCode, create: true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The key of {caseCode} was erased while a file was being sealed.");
        return EnvelopeCipher.Seal(dataKey, plaintext.Span, Place(caseCode, record));
    }

    /// <summary>Opens bytes sealed by <see cref="SealBytesAsync"/>; null once the case's key is erased.</summary>
    public async Task<byte[]?> OpenBytesAsync(string caseCode, string record, byte[] sealedBytes, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ChildDetails, cancellationToken).ConfigureAwait(false);
        return await DataKeyAsync(table, caseCode, create: false, cancellationToken).ConfigureAwait(false) is { } dataKey
            ? EnvelopeCipher.Open(dataKey, sealedBytes, Place(caseCode, record))
            : null;
    }

    /// <summary>Every sealed record, of every case, whose name starts with <paramref name="recordPrefix"/>.</summary>
    public async Task<IReadOnlyList<(string CaseCode, string Record)>> RecordsAsync(string recordPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordPrefix);
        var table = await tables.GetAsync(tables.Names.ChildDetails, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {recordPrefix} and RowKey lt {recordPrefix + "~"}");
        var found = new List<(string, string)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add((row.PartitionKey, row.RowKey));
        }

        return found;
    }

    /// <summary>Deletes one sealed record (its row, and its blob when it outgrew the row); the case's key stays.</summary>
    public async Task DeleteRecordAsync(string caseCode, string record, CancellationToken cancellationToken = default)
    {
        if (record == KeyRow)
        {
            throw new ArgumentException("That record name is the case key's.", nameof(record));
        }

        var table = await tables.GetAsync(tables.Names.ChildDetails, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseCode, record, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is null)
        {
            return;
        }

        try
        {
            await table.DeleteEntityAsync(caseCode, record, row.Value.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Deleted meanwhile, or sealed again: what is there now stands.
            return;
        }

        if (row.Value.GetString("SealedBlob") is { } blob)
        {
            await payloads.DeleteAsync(blob, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the case's key, sealed rows and blobs. Returns how many rows went.</summary>
    public async Task<int> EraseAsync(string caseCode, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.ChildDetails, cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {caseCode}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        // The key first: from then on nothing of the case can be opened, whatever else remains.
        foreach (var row in rows.OrderBy(r => r.RowKey == KeyRow ? 0 : 1))
        {
            try
            {
                await table.DeleteEntityAsync(caseCode, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Already gone.
            }
        }

        await payloads.DeleteFolderAsync(Folder(caseCode), cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    private async Task<byte[]?> DataKeyAsync(TableClient table, string caseCode, bool create, CancellationToken cancellationToken)
    {
        var kek = options.Value.KeyBytes() ?? throw new InvalidOperationException("Privacy:KeyEncryptionKey is not 32 bytes of base64.");
        var place = $"{caseCode}|{KeyRow}";
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(caseCode, KeyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing.HasValue && existing.Value is not null)
        {
            return EnvelopeCipher.Open(kek, Convert.FromBase64String(existing.Value.GetString("WrappedKey")!), place);
        }

        if (!create)
        {
            return null;
        }

        var dataKey = EnvelopeCipher.NewKey();
        try
        {
            await table.AddEntityAsync(
                new TableEntity(caseCode, KeyRow)
                {
                    ["WrappedKey"] = Convert.ToBase64String(EnvelopeCipher.Seal(kek, dataKey, place)),
                    ["KeyId"] = options.Value.KeyId,
                },
                cancellationToken).ConfigureAwait(false);
            return dataKey;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another writer made the case's key first: use theirs.
            return await DataKeyAsync(table, caseCode, create: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Place(string caseCode, string record) => $"{caseCode}|{record}";

    private static string Folder(string caseCode) => $"sealed/{caseCode}";
}
