using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.InformationRequests;

/// <summary>
/// The partnership's agencies and their safeguarding leads, in Table Storage: partition = partnership,
/// row = the agency's name folded to lower case. Configuration seeds a partnership's directory the
/// first time it is read (a marker row records that), so an agency a business manager removed is not
/// brought back by the next restart. A look-up is reused for a minute (every case a referring
/// organisation sends shows it on the panel card); a change through this instance replaces it at once.
/// </summary>
public sealed class AgencyDirectory(StorageTables tables, AgencyDirectoryOptions options, TimeProvider? time = null)
{
    private const string SeededMarker = "~seeded";

    // How long a look-up answers later ones: a change made through another instance shows within it.
    private static readonly TimeSpan LookUpReuse = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (AgencyContact? Agency, DateTimeOffset ReadAt)> _lookedUp = new(StringComparer.Ordinal);

    // Once seeded a directory stays seeded: the marker is read once per instance, not before every look-up.
    private volatile bool _seeded;

    public string PartnershipKey => options.PartnershipKey;

    public async Task<IReadOnlyList<AgencyContact>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await SeededTableAsync(cancellationToken).ConfigureAwait(false);
        var agencies = new List<AgencyContact>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey != SeededMarker)
            {
                agencies.Add(FromEntity(row));
            }
        }

        return [.. agencies.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<AgencyContact?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var key = RowKey(name);
        var now = _time.GetUtcNow();
        if (_lookedUp.TryGetValue(key, out var seen) && now - seen.ReadAt < LookUpReuse)
        {
            return seen.Agency;
        }

        var table = await SeededTableAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        var agency = row.HasValue && row.Value is not null ? FromEntity(row.Value) : null;
        _lookedUp[key] = (agency, now);
        return agency;
    }

    /// <summary>Adds the agency or replaces its entry; returns true when it was new.</summary>
    public async Task<bool> SaveAsync(AgencyContact agency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var table = await SeededTableAsync(cancellationToken).ConfigureAwait(false);
        var existed = await table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(agency.Name), cancellationToken: cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(agency), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        _lookedUp.TryRemove(RowKey(agency.Name), out _);
        return !existed.HasValue;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        var table = await SeededTableAsync(cancellationToken).ConfigureAwait(false);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(name), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue || existing.Value is null)
        {
            return false;
        }

        try
        {
            // Azurite answers 204 to deleting a missing row with ETag *, so the read above decides.
            await table.DeleteEntityAsync(Partition, RowKey(name), existing.Value.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
        finally
        {
            _lookedUp.TryRemove(RowKey(name), out _);
        }
    }

    private string Partition => string.IsNullOrWhiteSpace(options.PartnershipKey)
        ? throw new InvalidOperationException("Set Partnership:Playbook (or Intake:Partnership): the agency directory needs to know which partnership it serves.")
        : options.PartnershipKey.ToLowerInvariant();

    private async Task<TableClient> SeededTableAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Agencies, cancellationToken).ConfigureAwait(false);
        if (_seeded)
        {
            return table;
        }

        var marker = await table.GetEntityIfExistsAsync<TableEntity>(Partition, SeededMarker, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue)
        {
            _seeded = true;
            return table;
        }

        foreach (var agency in options.Seed)
        {
            try
            {
                await table.AddEntityAsync(ToEntity(agency), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Another instance seeded it, or a business manager added it first: theirs stands.
            }
        }

        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, SeededMarker), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Seeded by another instance at the same moment.
        }

        _seeded = true;
        return table;
    }

    /// <summary>Row keys may not hold / \ # ? or control characters; names are folded to lower case.</summary>
    public static string RowKey(string name) =>
        new([.. name.Trim().ToLowerInvariant().Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '-' : c)]);

    private TableEntity ToEntity(AgencyContact agency) => new(Partition, RowKey(agency.Name))
    {
        ["Name"] = agency.Name.Trim(),
        ["Kind"] = agency.Kind,
        ["Leads"] = string.Join(',', agency.Leads),
        ["Deputies"] = string.Join(',', agency.Deputies),
        ["ReplyDomains"] = string.Join(',', agency.ReplyDomains ?? []),
    };

    private static AgencyContact FromEntity(TableEntity row) => new(
        row.GetString("Name") ?? row.RowKey,
        row.GetString("Kind") ?? "other",
        AgencyAddresses.Parse(row.GetString("Leads")),
        AgencyAddresses.Parse(row.GetString("Deputies")),
        AgencyAddresses.Parse(row.GetString("ReplyDomains")));
}
