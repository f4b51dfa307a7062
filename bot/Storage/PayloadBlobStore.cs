using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Payloads too large for a table property (64 KiB), in Blob Storage: one container per table
/// prefix, each blob named by its content's SHA-256 under a caller's folder, so writing the same
/// payload twice (a retry) writes the same blob and a reader can check what it got.
/// </summary>
public sealed class PayloadBlobStore(BlobServiceClient service, TableNames names)
{
    private Lazy<Task<BlobContainerClient>>? _container;

    /// <summary>Stores <paramref name="content"/> under <paramref name="folder"/>; returns the blob's name.</summary>
    public async Task<string> PutAsync(string folder, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var name = $"{folder.Trim('/')}/{Convert.ToHexStringLower(SHA256.HashData(content.Span))}";
        var container = await ContainerAsync(cancellationToken).ConfigureAwait(false);
        // Content-addressed: an existing blob of this name already holds these bytes.
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public Task<string> PutTextAsync(string folder, string text, CancellationToken cancellationToken = default) =>
        PutAsync(folder, Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>The blob's bytes, checked against the digest in its name.</summary>
    public async Task<byte[]> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(cancellationToken).ConfigureAwait(false);
        var content = (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
        var digest = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!name.EndsWith("/" + digest, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Payload {name} does not match its digest: it was altered or damaged.");
        }

        return content;
    }

    public async Task<string> GetTextAsync(string name, CancellationToken cancellationToken = default) =>
        Encoding.UTF8.GetString(await GetAsync(name, cancellationToken).ConfigureAwait(false));

    /// <summary>Deletes one blob; a blob already gone is no error.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(cancellationToken).ConfigureAwait(false);
        await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every blob under <paramref name="folder"/>; returns how many.</summary>
    public async Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder.Trim('/') + "/" }, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted by another instance meanwhile.
            }
        }

        return deleted;
    }

    private async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        var creation = Volatile.Read(ref _container);
        if (creation is null)
        {
            var fresh = NewCreation();
            creation = Interlocked.CompareExchange(ref _container, fresh, null) ?? fresh;
        }

        try
        {
            return await creation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Let the next caller try again rather than remember a failure forever.
            Interlocked.CompareExchange(ref _container, null, creation);
            throw;
        }
    }

    private Lazy<Task<BlobContainerClient>> NewCreation() => new(async () =>
    {
        var container = service.GetBlobContainerClient(names.PayloadContainer);
        await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return container;
    });
}
