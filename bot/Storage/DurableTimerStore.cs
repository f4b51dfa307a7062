using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Durable timers keyed by what they belong to. A timer's row lives in its stream's own partition
/// (the case code; a non-case timer's stream, e.g. "morning-digest", is a partition of its own), so a
/// case's timers are read with one query and changed with one transaction, however many timers the
/// table holds. A due index (partition "~due", row = due time, partition, id) lets the pump range-read
/// what is due by time. Index rows are written first and timer rows second, and the timer row is the
/// truth: an index row whose timer row moved or went is stale, and is discarded when the pump reaches
/// it. An instance claims a due timer by writing its lease on the timer row under that row's ETag (one
/// instance wins), fires it, then deletes it; a timer whose owner died is claimed again when its lease
/// runs out: at least once, never by two at a time. A timer that keeps failing is moved to a dead row
/// (partition "~dead") with the reason, so it never fires again and a person can see what was set aside.
/// </summary>
public sealed class DurableTimerStore(StorageTables tables, TimeProvider time)
{
    internal const string IndexPartition = "~due";
    internal const string DeadPartition = "~dead";

    /// <summary>Where a previous version kept every timer; no stream may use it (see <see cref="TimerLayoutMigration"/>).</summary>
    internal const string OldPartition = "timers";

    private const string TimerPrefix = "timer|";
    private const string NoteRowKey = "~note";

    // An entity-group transaction holds at most 100 operations.
    private const int MaxPerTransaction = 100;

    // An index row found without its timer row is left alone this long: its timer row may be on its way.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    /// <summary>Schedules one timer, replacing a timer of the same id in the same stream.</summary>
    public async Task ScheduleAsync(DurableTimer timer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await ChangeAsync(timer.StreamId, [timer], [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels one timer of <paramref name="partition"/>; false when there was none. One call, no read.</summary>
    public async Task<bool> CancelAsync(string partition, string timerId, CancellationToken cancellationToken = default)
    {
        ValidateKey(partition, nameof(partition));
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);

        // A timer with no row is not there to cancel: a delete of a missing entity answers 404 without throwing.
        var response = await table.DeleteEntityAsync(partition, TimerPrefix + timerId, ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>
    /// Applies any mix of schedules and cancels to one partition's timers: the due index in one
    /// transaction, then the timer rows in one (split only past 100 operations). Cancelling needs to
    /// know which timers exist, so it costs one query of the partition; scheduling alone reads nothing.
    /// </summary>
    public async Task ChangeAsync(string partition, IReadOnlyList<DurableTimer> schedule, IReadOnlyList<string> cancelIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancelIds);
        if (cancelIds.Count == 0)
        {
            await ApplyAsync(partition, schedule, [], null, cancellationToken).ConfigureAwait(false);
            return;
        }

        while (true)
        {
            var current = await ReadAsync(partition, cancellationToken).ConfigureAwait(false);
            var present = current.Timers.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            if (await ApplyAsync(partition, schedule, [.. cancelIds.Where(present.Contains)], null, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>One partition's timers and its note (see <see cref="ApplyAsync"/>), in one query.</summary>
    public async Task<TimerPartition> ReadAsync(string partition, CancellationToken cancellationToken = default)
    {
        ValidateKey(partition, nameof(partition));
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var timers = new List<DurableTimer>();
        TimerNote? note = null;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == NoteRowKey)
            {
                note = new TimerNote(row.GetString("Text") ?? string.Empty, row.ETag);
            }
            else if (row.RowKey.StartsWith(TimerPrefix, StringComparison.Ordinal))
            {
                timers.Add(FromTimerRow(row));
            }
        }

        return new TimerPartition(timers, note);
    }

    /// <summary>
    /// Applies schedules and cancels of timers known to exist, and (when <paramref name="note"/> is
    /// given) replaces the partition's note in the same transaction, under the note's ETag as read
    /// (a note read as absent is added). The note lets a caller record what the timers were set from,
    /// so two callers working from different reads cannot both win. False when a cancelled timer was
    /// gone or the note changed since it was read: read again and retry.
    /// </summary>
    public async Task<bool> ApplyAsync(string partition, IReadOnlyList<DurableTimer> schedule, IReadOnlyList<string> existingToCancel, NoteChange? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(existingToCancel);
        ValidateKey(partition, nameof(partition));
        foreach (var timer in schedule)
        {
            Validate(timer);
            if (timer.StreamId != partition)
            {
                throw new ArgumentException($"Timer '{timer.Id}' belongs to '{timer.StreamId}', not '{partition}'.", nameof(schedule));
            }
        }

        if (schedule.Select(t => t.Id).Intersect(existingToCancel, StringComparer.Ordinal).FirstOrDefault() is { } both)
        {
            throw new ArgumentException($"Timer '{both}' is both scheduled and cancelled.", nameof(existingToCancel));
        }

        if (schedule.Count == 0 && existingToCancel.Count == 0 && note is null)
        {
            return true;
        }

        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();

        // The index first: a timer row never points at an index row that is not there.
        var latest = schedule.GroupBy(t => t.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        foreach (var chunk in latest.Chunk(MaxPerTransaction))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, IndexRow(t, now))),
                cancellationToken).ConfigureAwait(false);
        }

        // Merged, not replaced: a rewrite (a moved due time, a case's timers reconciled) keeps the
        // lease of an instance firing the timer right now, so no other instance fires it alongside.
        var actions = new List<TableTransactionAction>(latest.Count + existingToCancel.Count + 1);
        actions.AddRange(latest.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertMerge, TimerRow(t))));
        actions.AddRange(existingToCancel.Distinct(StringComparer.Ordinal).Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, TimerPrefix + id), ETag.All)));
        if (note is not null)
        {
            var row = new TableEntity(partition, NoteRowKey) { ["Text"] = note.Text };
            actions.Add(note.Expected is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        // Past 100 operations the changes go in several transactions; the note goes in the last, so it
        // is only written once every timer it speaks for is.
        try
        {
            foreach (var chunk in actions.Chunk(MaxPerTransaction))
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Claims up to <paramref name="max"/> timers due now that no live lease holds.</summary>
    public async Task<IReadOnlyList<ClaimedTimer>> ClaimDueAsync(string leaseOwner, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var claimed = new List<ClaimedTimer>();
        await foreach (var (_, row) in DueAsync(table, now, cancellationToken).ConfigureAwait(false))
        {
            if (claimed.Count >= max)
            {
                break;
            }

            if (row.GetDateTimeOffset("LeaseUntil") is { } until && until > now)
            {
                continue;
            }

            var attempt = (row.GetInt32("Attempts") ?? 0) + 1;
            var leaseId = OwnWrites.NewToken();
            row["LeaseOwner"] = leaseOwner;
            row["LeaseId"] = leaseId;
            row["LeaseUntil"] = now + lease;
            row["Attempts"] = attempt;
            try
            {
                // Not ours when another instance claimed or moved it first; a claim stored but whose
                // answer was lost is (its LeaseId is this claim's token, see OwnWrites).
                var write = await OwnWrites.UpdateAsync(table, row, row.ETag, TableUpdateMode.Replace, "LeaseId", cancellationToken).ConfigureAwait(false);
                if (write is { Ours: true, Current: { } stored } && stored.GetString("DueKey") != row.GetString("DueKey"))
                {
                    // Ours, but rewritten since: give the lease up so it fires at its new time.
                    await GiveUpLeaseAsync(table, stored, cancellationToken).ConfigureAwait(false);
                }
                else if (write.Ours)
                {
                    claimed.Add(new ClaimedTimer(FromTimerRow(row), leaseOwner, attempt, write.ETag ?? ETag.All, leaseId));
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Finished or cancelled meanwhile.
            }
        }

        return claimed;
    }

    /// <summary>The timer row as stored when it still carries the claim <paramref name="leaseId"/> wrote
    /// (a rewrite keeps it, a new claim replaces it); null otherwise.</summary>
    private static async Task<TableEntity?> ReadClaimedAsync(TableClient table, string partition, string rowKey, string leaseId, CancellationToken cancellationToken)
    {
        var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return current is { HasValue: true, Value: { } row } && row.GetString("LeaseId") == leaseId ? row : null;
    }

    /// <summary>
    /// Extends the lease on a claimed timer under the ETag of its claim: the new claim, or null when
    /// the timer was re-claimed by another instance, rescheduled or removed since (it is not ours to fire).
    /// A timer rewritten under this claim keeps the claim's lease: it is given up, so the timer fires
    /// at its new time rather than when the lease runs out.
    /// </summary>
    public async Task<ClaimedTimer?> RenewAsync(ClaimedTimer claimed, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await table.UpdateEntityAsync(
                new TableEntity(claimed.Timer.StreamId, TimerPrefix + claimed.Timer.Id) { ["LeaseUntil"] = time.GetUtcNow() + lease },
                claimed.ETag,
                TableUpdateMode.Merge,
                cancellationToken).ConfigureAwait(false);
            return claimed with { ETag = response.Headers.ETag ?? claimed.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            await ReleaseRescheduledAsync(table, claimed, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Removes a fired timer, unless it was rescheduled or re-claimed while it ran.</summary>
    public async Task<bool> CompleteAsync(ClaimedTimer claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        if (!await DeleteClaimedAsync(table, claimed, cancellationToken).ConfigureAwait(false))
        {
            await ReleaseRescheduledAsync(table, claimed, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await DeleteIndexRowAsync(table, claimed.Timer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A timer rewritten under this claim still carries the claim's lease: it is given up.
    /// Nothing changes when the timer is gone or was claimed again since: whoever did that owns it now.</summary>
    private async Task ReleaseRescheduledAsync(TableClient table, ClaimedTimer claimed, CancellationToken cancellationToken)
    {
        if (await ReadClaimedAsync(table, claimed.Timer.StreamId, TimerPrefix + claimed.Timer.Id, claimed.LeaseId, cancellationToken).ConfigureAwait(false) is { } current)
        {
            await GiveUpLeaseAsync(table, current, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task GiveUpLeaseAsync(TableClient table, TableEntity current, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(new TableEntity(current.PartitionKey, current.RowKey) { ["LeaseUntil"] = time.GetUtcNow() }, current.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Rescheduled, claimed or finished again meanwhile: whoever did that owns it now.
        }
    }

    /// <summary>
    /// Sets a claimed timer aside for good: a dead-letter row keeps what it was and
    /// <paramref name="reason"/>, then its timer row goes. False when it was rescheduled or re-claimed
    /// meanwhile (then it is not this instance's to set aside, and the dead-letter row is taken back).
    /// </summary>
    public async Task<bool> DeadLetterAsync(ClaimedTimer claimed, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var timer = claimed.Timer;
        var now = time.GetUtcNow();
        var dead = TimerRow(timer);
        dead.PartitionKey = DeadPartition;
        dead.RowKey = timer.StreamId + "|" + timer.Id + "|" + Ticks(now);
        dead["Attempts"] = claimed.Attempt;
        dead["Reason"] = reason;
        dead["DeadAt"] = now;

        // The dead row first: a timer never leaves without a trace of why.
        await table.UpsertEntityAsync(dead, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (!await DeleteClaimedAsync(table, claimed, cancellationToken).ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(DeadPartition, dead.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await DeleteIndexRowAsync(table, timer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The timers set aside after too many failed attempts, oldest first.</summary>
    public async Task<IReadOnlyList<DeadTimer>> DeadLettersAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var dead = new List<DeadTimer>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DeadPartition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            dead.Add(new DeadTimer(FromTimerRow(row), row.GetInt32("Attempts") ?? 0, row.GetString("Reason") ?? string.Empty, row.GetDateTimeOffset("DeadAt") ?? DateTimeOffset.MinValue));
        }

        return [.. dead.OrderBy(d => d.SetAsideAt)];
    }

    /// <summary>When the earliest waiting timer falls due (null when none waits): reads the index in time order.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        await foreach (var (_, row) in DueAsync(table, DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            return row.GetDateTimeOffset("DueAt");
        }

        return null;
    }

    /// <summary>One timer of <paramref name="partition"/>: one point read.</summary>
    public async Task<DurableTimer?> FindAsync(string partition, string timerId, CancellationToken cancellationToken = default)
    {
        ValidateKey(partition, nameof(partition));
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, TimerPrefix + timerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? FromTimerRow(row.Value) : null;
    }

    /// <summary>
    /// A timer by its id alone, wherever it belongs: a query across partitions, for support and
    /// tests. Code that knows the timer's stream uses <see cref="FindAsync(string, string, CancellationToken)"/>.
    /// </summary>
    public async Task<DurableTimer?> FindAsync(string timerId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {TimerPrefix + timerId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return FromTimerRow(row);
        }

        return null;
    }

    /// <summary>
    /// The live timer rows the due index points at, due by <paramref name="upTo"/>, in time order.
    /// Stale index rows met on the way (their timer moved or went, a while ago) are deleted.
    /// </summary>
    private async IAsyncEnumerable<(TableEntity Index, TableEntity Timer)> DueAsync(TableClient table, DateTimeOffset upTo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var filter = upTo == DateTimeOffset.MaxValue
            ? TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition} and RowKey le {Ticks(upTo) + "|\uffff"}");
        await foreach (var index in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var partition = index.GetString("Partition");
            var timerId = index.GetString("TimerId");
            var timer = partition is null || timerId is null
                ? null
                : await table.GetEntityIfExistsAsync<TableEntity>(partition, TimerPrefix + timerId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (timer is { HasValue: true, Value: { } row } && row.GetString("DueKey") == index.RowKey)
            {
                yield return (index, row);
            }
            else if (index.GetDateTimeOffset("WrittenAt") is not { } written || written + StaleAfter <= now)
            {
                try
                {
                    await table.DeleteEntityAsync(IndexPartition, index.RowKey, index.ETag, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Written again meanwhile: it may be live now.
                }
            }
        }
    }

    private static async Task<bool> DeleteClaimedAsync(TableClient table, ClaimedTimer claimed, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.DeleteEntityAsync(claimed.Timer.StreamId, TimerPrefix + claimed.Timer.Id, claimed.ETag, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    // The index row of the timer as claimed; a rescheduled timer has a new one, which stays.
    private static async Task DeleteIndexRowAsync(TableClient table, DurableTimer timer, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(IndexPartition, DueKey(timer), ETag.All, cancellationToken).ConfigureAwait(false);

    private static void Validate(DurableTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (!IsKeySafe(timer.Id))
        {
            throw new ArgumentException($"Timer id '{timer.Id}' may not contain / \\ # ? | or control characters.", nameof(timer));
        }

        ValidateKey(timer.StreamId, nameof(timer));
    }

    private static void ValidateKey(string partition, string parameter)
    {
        if (string.IsNullOrEmpty(partition) || !IsKeySafe(partition) || partition.StartsWith('~') || partition == OldPartition)
        {
            throw new ArgumentException($"'{partition}' cannot be a timer's stream: it may not be empty, contain / \\ # ? | or control characters, start with ~, or be '{OldPartition}'.", parameter);
        }
    }

    private static bool IsKeySafe(string key) => !key.Any(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c));

    internal static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    internal static string DueKey(DurableTimer timer) => Ticks(timer.DueAt) + "|" + timer.StreamId + "|" + timer.Id;

    internal static TableEntity IndexRow(DurableTimer timer, DateTimeOffset writtenAt) => new(IndexPartition, DueKey(timer))
    {
        ["Partition"] = timer.StreamId,
        ["TimerId"] = timer.Id,
        ["DueAt"] = timer.DueAt,
        ["WrittenAt"] = writtenAt,
    };

    internal static TableEntity TimerRow(DurableTimer timer, int attempts = 0) => new(timer.StreamId, TimerPrefix + timer.Id)
    {
        ["TimerId"] = timer.Id,
        ["Kind"] = timer.Kind,
        ["StreamId"] = timer.StreamId,
        ["DueAt"] = timer.DueAt,
        ["Payload"] = timer.Payload,
        ["Attempts"] = attempts,
        ["DueKey"] = DueKey(timer),
    };

    internal static DurableTimer FromTimerRow(TableEntity row) => new(
        row.GetString("TimerId"),
        row.GetString("Kind"),
        row.GetString("StreamId"),
        row.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
        row.GetString("Payload"));
}

/// <summary>A partition's timers and the note its owner keeps beside them (null when none was written).</summary>
public sealed record TimerPartition(IReadOnlyList<DurableTimer> Timers, TimerNote? Note);

/// <summary>A short text a partition's owner keeps beside its timers, with the ETag it was read under.</summary>
public sealed record TimerNote(string Text, ETag ETag);

/// <summary>The note to write with a change: <paramref name="Expected"/> is the ETag it was read under, null when it was absent.</summary>
public sealed record NoteChange(string Text, ETag? Expected);
