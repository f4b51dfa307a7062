using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace TeamsReviewBot.Storage.Files;

/// <summary>
/// A case's files in Blob Storage: one private container per purpose (agency returns, report
/// versions), each blob named "{case code}/{file id}/{SHA-256 of its content}". The table row that
/// describes a file names its blob, so a file replaced under the same id gets a new blob and the row
/// moves to it only once it is whole; reading checks the bytes against the digest the row recorded.
/// </summary>
public sealed class CaseFileBlobs(BlobServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);

    public static string Digest(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The folder of a file: its case code, then its id with characters a blob path should not carry replaced.</summary>
    public static string Folder(string caseCode, string fileId) => $"{Safe(caseCode)}/{Safe(fileId)}";

    /// <summary>Uploads <paramref name="content"/> into the file's folder; returns the blob's name.
    /// Uploading the same bytes again (a retry) writes the same blob.</summary>
    public async Task<string> PutAsync(string container, string folder, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var name = $"{folder}/{Digest(content.Span)}";
        var client = await ContainerAsync(container, cancellationToken).ConfigureAwait(false);
        await client.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Uploads <paramref name="content"/> as the blob <paramref name="name"/>, replacing what was
    /// there: for files whose name is fixed by what they hold rather than by these bytes (sealed files,
    /// whose bytes differ each time they are sealed).</summary>
    public async Task PutAtAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var client = await ContainerAsync(container, cancellationToken).ConfigureAwait(false);
        await client.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The blob's bytes as stored, unchecked (the caller checks them once opened); null when it is not there.</summary>
    public async Task<byte[]?> GetStoredAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var client = await ContainerAsync(container, cancellationToken).ConfigureAwait(false);
        try
        {
            return (await client.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob's bytes, checked against <paramref name="sha256"/>; null when the blob is not there.</summary>
    public async Task<byte[]?> GetAsync(string container, string name, string sha256, CancellationToken cancellationToken = default)
    {
        var client = await ContainerAsync(container, cancellationToken).ConfigureAwait(false);
        byte[] content;
        try
        {
            content = (await client.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        return string.Equals(Digest(content), sha256, StringComparison.OrdinalIgnoreCase)
            ? content
            : throw new InvalidDataException($"Stored file {name} does not match its SHA-256: it was altered or damaged.");
    }

    /// <summary>Deletes one blob; a blob already gone is no error. True when this call deleted it.</summary>
    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var client = await ContainerAsync(container, cancellationToken).ConfigureAwait(false);
        return await client.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every blob in <paramref name="folder"/> except <paramref name="keep"/>; returns how many went.</summary>
    public async Task<int> DeleteFolderAsync(string container, string folder, string? keep = null, CancellationToken cancellationToken = default)
    {
        var client = await ContainerAsync(container, cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = folder.TrimEnd('/') + "/" }, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name != keep && await client.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>A path segment with characters a blob path should not carry replaced.</summary>
    public static string Safe(string text) =>
        new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);

    private async Task<BlobContainerClient> ContainerAsync(string container, CancellationToken cancellationToken)
    {
        var creation = _containers.GetOrAdd(container, name => new(async () =>
        {
            var client = service.GetBlobContainerClient(name);
            await client.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return client;
        }));
        try
        {
            return await creation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Let the next caller try again rather than remember a failure forever.
            _containers.TryRemove(new KeyValuePair<string, Lazy<Task<BlobContainerClient>>>(container, creation));
            throw;
        }
    }
}
