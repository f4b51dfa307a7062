using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.Intake;

/// <summary>
/// A named lease in the MailboxSync table so that, with several instances running, only one renews
/// the subscription or walks the delta at a time. Taken or extended under the row's ETag, and given
/// up when the instance stops so the next one takes it at once instead of waiting for it to expire.
/// A take or renewal stored but whose answer was lost is still this instance's: a pass is not stopped
/// part-way for it, nor skipped until the next beat.
/// </summary>
public sealed class StorageLease(StorageTables tables, TimeProvider time)
{
    private const string Partition = "lease";

    public string Owner { get; } = Environment.MachineName + ":" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>True when this instance holds (or has just taken or extended) the lease <paramref name="name"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailboxSync, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        var lease = new TableEntity(Partition, name) { ["Owner"] = Owner, ["Until"] = now + duration };
        try
        {
            if (!row.HasValue || row.Value is null)
            {
                await table.AddEntityAsync(lease, cancellationToken).ConfigureAwait(false);
                return true;
            }

            var held = row.Value.GetString("Owner") != Owner && row.Value.GetDateTimeOffset("Until") > now;
            if (held)
            {
                return false;
            }

            await table.UpdateEntityAsync(lease, row.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance wrote it first, or this write was stored and its answer lost (the table
            // client's retry met it): the row says whose the lease is.
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return found.HasValue && found.Value is { } current && current.GetString("Owner") == Owner && current.GetDateTimeOffset("Until") > now;
        }
    }

    /// <summary>Gives up the lease <paramref name="name"/> if this instance holds it (a lease another
    /// instance has since taken is left alone: the delete is conditional on the row read).</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailboxSync, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is null || row.Value.GetString("Owner") != Owner)
        {
            return;
        }

        try
        {
            await table.DeleteEntityAsync(Partition, name, row.Value.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Taken over or removed meanwhile: nothing of ours to give up.
        }
    }
}
