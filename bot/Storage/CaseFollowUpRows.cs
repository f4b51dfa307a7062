using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// The follow-up a case stream owes after an append: one row per stream in the case events table
/// (row key "~follow-up", after every sequence number), written in the append's own transaction
/// (see <see cref="TableCaseEventStore"/>) and deleted once the follow-up is done. It records the
/// version before the first append it owes for (<see cref="OwedFollowUp.FromVersion"/>) only as
/// the last append saw it: the follow-up itself works from the stream as it stands. Whether the
/// appends it owes for began with the one that opened the stream (<see cref="OwedFollowUp.FromOpening"/>)
/// is kept across them: an append writes the row as a merge, so what an earlier append of the same
/// owed run set stays when this one does not know it. The row this
/// instance's own append wrote is remembered with the ETag the transaction returned
/// (<see cref="Known"/>), so its follow-up deletes it without reading it first; a row changed since
/// by another writer fails that delete on its ETag and is read again.
/// <para>
/// The row also carries a claim: which instance runs the follow-up (ClaimedBy) and until when
/// (ClaimedUntil), so that with several instances only one runs a case's follow-up at a time. The
/// append writes the claim for its own instance at no extra call (or keeps another instance's live
/// claim it has just read, see <see cref="ClaimForAppend"/>); an instance takes a row whose claim
/// ran out (its instance died) by an update on the row's ETag, which fails when anyone else wrote
/// it first; and a run renews its claim before a step with an outside effect once less than
/// <see cref="RenewWhenLeft"/> of it is left.
/// </para>
/// </summary>
public sealed class CaseFollowUpRows(StorageTables tables, InstanceIdentity? instance = null, TimeProvider? time = null)
{
    public const string RowKey = "~follow-up";

    /// <summary>
    /// How long a claim holds without renewal: longer than any one step takes (a Teams post or a Graph
    /// send, each bounded by its HTTP client's 100-second timeout), shorter than the sweep's five
    /// minutes, so a row whose instance died is taken over at the next look after it runs out.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    /// <summary>A run renews its claim before a step with an outside effect once less than this is left, so every such step starts with at least this long to finish.</summary>
    public static readonly TimeSpan RenewWhenLeft = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, OwedFollowUp> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OwedFollowUp?> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _unsure = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>This instance, as its claims name it.</summary>
    public string InstanceId { get; } = (instance ?? InstanceIdentity.ThisProcess).Id;

    /// <summary>The follow-up row this instance's last append to the stream wrote (or its claim took), while not yet completed here.</summary>
    public OwedFollowUp? Known(string streamId) => _written.TryGetValue(streamId, out var row) ? row : null;

    /// <summary>Whether another instance's claim on the row still holds: that instance runs it.</summary>
    public bool HeldElsewhere(OwedFollowUp row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.ClaimedBy is { } by && by != InstanceId && row.ClaimedUntil > _time.GetUtcNow();
    }

    /// <summary>Whether this instance holds the row with at least <see cref="RenewWhenLeft"/> of its claim left.</summary>
    public bool HeldHere(OwedFollowUp row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.ClaimedBy == InstanceId && row.ClaimedUntil - _time.GetUtcNow() >= RenewWhenLeft;
    }

    /// <summary>
    /// The row an append is about to write: owed from <paramref name="fromVersion"/> to
    /// <paramref name="toVersion"/>, claimed by this instance for a lease, unless the row as this
    /// instance last read or wrote it carries another instance's live claim: that instance is
    /// running the follow-up, so the append keeps its claim and its run, which the changed ETag
    /// sends to look again, takes this append in too.
    /// </summary>
    internal OwedFollowUp ClaimForAppend(string streamId, long fromVersion, long toVersion, DateTimeOffset owedSince)
    {
        var last = _seen.TryRemove(streamId, out var seen) ? seen : Known(streamId);

        // The row as last known, still owed and ending where this append starts, owes the same run;
        // not knowing it, the append leaves the stored value as it is (the row is merged).
        var fromOpening = fromVersion == 0 ? true : last is not null && last.ToVersion == fromVersion ? last.FromOpening : null;
        var owing = last is not null && HeldElsewhere(last)
            ? new OwedFollowUp(streamId, fromVersion, toVersion, owedSince, default, last.ClaimedBy, last.ClaimedUntil)
            : new OwedFollowUp(streamId, fromVersion, toVersion, owedSince, default, InstanceId, _time.GetUtcNow() + Lease);
        return owing with { FromOpening = fromOpening };
    }

    /// <summary>
    /// Whether an append must read the stream's row before it writes it (one point read): this
    /// instance lost the row to another writer, or the claim on the row as it last read or wrote it
    /// has run out unfinished (or it had none), so another instance may have taken it since by a
    /// claim alone, which leaves the stream (and so this instance's view of it, which would
    /// otherwise send the append straight on) as it was.
    /// </summary>
    internal bool MustLookBeforeAppend(string streamId)
    {
        if (_unsure.ContainsKey(streamId))
        {
            return true;
        }

        var last = _seen.TryGetValue(streamId, out var seen) ? seen : Known(streamId);
        return last is not null && (last.ClaimedBy is null || last.ClaimedUntil <= _time.GetUtcNow());
    }

    /// <summary>An append wrote the stream's row: remembered until its follow-up completes it.</summary>
    internal void Wrote(OwedFollowUp row) => _written[row.StreamId] = row;

    /// <summary>A read of the stream found its row as it stands (or, null, found none): the next append keeps a live claim it carries.</summary>
    internal void Saw(string streamId, TableEntity? row)
    {
        // Only rows are remembered, so the map holds the cases with a follow-up owed, not every case read.
        if (row is null)
        {
            _seen.TryRemove(streamId, out _);
        }
        else
        {
            _seen[streamId] = From(row);
        }

        _unsure.TryRemove(streamId, out _);
    }

    public async Task<OwedFollowUp?> FindAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(streamId, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? From(row.Value) : null;
    }

    /// <summary>
    /// Every stream that owes a follow-up. A query across the whole events table (it returns only
    /// the owed rows, but the service reads every partition to find them), so it runs at start-up
    /// and every few minutes, never per request.
    /// </summary>
    public async Task<IReadOnlyList<OwedFollowUp>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        var owed = new List<OwedFollowUp>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {RowKey}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            owed.Add(From(row));
        }

        return owed;
    }

    /// <summary>
    /// Claims the row for this instance for a <see cref="Lease"/> from now, on the row's ETag (a
    /// merge of the claim alone): the row as claimed, or null when it is not this instance's to run.
    /// A 412 means someone wrote it since: another instance's claim or append (then it is theirs),
    /// unless the row now carries this instance's own claim (an append elsewhere kept it), which is
    /// claimed again on its new ETag.
    /// </summary>
    public async Task<OwedFollowUp?> ClaimAsync(OwedFollowUp row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        var basis = row;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var until = _time.GetUtcNow() + Lease;
            try
            {
                var claim = new TableEntity(basis.StreamId, RowKey) { ["ClaimedBy"] = InstanceId, ["ClaimedUntil"] = until };
                var response = await table.UpdateEntityAsync(claim, basis.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                var claimed = basis with { ClaimedBy = InstanceId, ClaimedUntil = until, ETag = response.Headers.ETag ?? basis.ETag };

                // In place of the row this run had; a newer row of this instance's own append stays.
                _written.AddOrUpdate(claimed.StreamId, claimed, (_, known) => known.ETag == row.ETag || known.ETag == basis.ETag ? claimed : known);
                return claimed;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt == 0)
            {
                if (await FindAsync(row.StreamId, cancellationToken).ConfigureAwait(false) is not { } now || now.ClaimedBy != InstanceId)
                {
                    break;
                }

                basis = now;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                break;
            }
        }

        Forget(row);
        _unsure[row.StreamId] = true;
        return null;
    }

    /// <summary>
    /// Before a step with an outside effect: whether this instance still holds the stream's row,
    /// renewing its claim (one conditional update) when less than <see cref="RenewWhenLeft"/> is
    /// left. True when this instance knows no row of the stream: the step is not run under a row's
    /// claim (a timer an earlier version left, or a follow-up run before the reply).
    /// </summary>
    public async Task<bool> HoldAsync(string streamId, CancellationToken cancellationToken = default)
    {
        if (Known(streamId) is not { } row || HeldHere(row))
        {
            return true;
        }

        return !HeldElsewhere(row) && await ClaimAsync(row, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Marks the follow-up done, unless an append owed it again since it was read (then it stays owed); true when no longer owed.</summary>
    public async Task<bool> CompleteAsync(OwedFollowUp owed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owed);
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(owed.StreamId, RowKey, owed.ETag, cancellationToken).ConfigureAwait(false);
            Forget(owed);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Owed again since (by another writer, if this instance did not know it): read it next time.
            Forget(owed);
            _unsure[owed.StreamId] = true;
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Completed by the follow-up of a later append: nothing is owed.
            Forget(owed);
            return true;
        }
    }

    private void Forget(OwedFollowUp owed)
    {
        if (_written.TryGetValue(owed.StreamId, out var known) && known.ETag == owed.ETag)
        {
            _written.TryRemove(new KeyValuePair<string, OwedFollowUp>(owed.StreamId, known));
        }

        // The same row as last read goes too; a newer one (another writer's claim) is kept for the next append.
        if (_seen.TryGetValue(owed.StreamId, out var seen) && seen?.ETag == owed.ETag)
        {
            _seen.TryRemove(new KeyValuePair<string, OwedFollowUp?>(owed.StreamId, seen));
        }
    }

    internal static TableEntity Row(OwedFollowUp owed)
    {
        var row = new TableEntity(owed.StreamId, RowKey)
        {
            ["FromVersion"] = owed.FromVersion,
            ["ToVersion"] = owed.ToVersion,
            ["OwedSince"] = owed.OwedSince,
        };
        if (owed.ClaimedBy is { } by)
        {
            row["ClaimedBy"] = by;
            row["ClaimedUntil"] = owed.ClaimedUntil;
        }

        if (owed.FromOpening is { } fromOpening)
        {
            row["FromOpening"] = fromOpening;
        }

        return row;
    }

    private static OwedFollowUp From(TableEntity row) => new(
        row.PartitionKey,
        row.GetInt64("FromVersion") ?? 0,
        row.GetInt64("ToVersion") ?? 0,
        row.GetDateTimeOffset("OwedSince") ?? DateTimeOffset.MinValue,
        row.ETag,
        row.GetString("ClaimedBy"),
        row.GetDateTimeOffset("ClaimedUntil") ?? DateTimeOffset.MinValue)
    {
        FromOpening = row.GetBoolean("FromOpening") ?? false,
    };
}

/// <summary>
/// A stream's owed follow-up: appended from <paramref name="FromVersion"/> to <paramref name="ToVersion"/>,
/// owed since <paramref name="OwedSince"/>, run by <paramref name="ClaimedBy"/> until <paramref name="ClaimedUntil"/>
/// (no claim: a row an earlier version wrote, anyone's to take).
/// </summary>
public sealed record OwedFollowUp(string StreamId, long FromVersion, long ToVersion, DateTimeOffset OwedSince, ETag ETag, string? ClaimedBy = null, DateTimeOffset ClaimedUntil = default)
{
    /// <summary>
    /// Whether the first append owed for opened the stream, so nothing has set the case's timers or
    /// index yet; null when the append that wrote the row did not know (the stored row then says).
    /// </summary>
    public bool? FromOpening { get; init; }
}
