using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Durable timers in one partition: a "due" row keyed by due time then id, and an "id" row pointing
/// at it. Due rows sort by time, so finding what is due reads only what is due, however many cases
/// are open. Both rows change together in one transaction. An instance claims a due row by writing
/// its lease under the row's ETag (one instance wins), fires it, then deletes it. A timer whose
/// owner died is claimed again when its lease runs out: at least once, never by two at a time.
/// A timer that keeps failing is moved to a "dead" row with the reason, out of the due range, so it
/// never fires again and a person can see what was set aside.
/// </summary>
public sealed class DurableTimerStore(StorageTables tables, TimeProvider time)
{
    private const string Partition = "timers";
    private const string DuePrefix = "due|";
    private const string IdPrefix = "id|";
    private const string DeadPrefix = "dead|";

    public async Task ScheduleAsync(DurableTimer timer, CancellationToken cancellationToken = default)
    {
        if (timer.Id.Any(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c)))
        {
            throw new ArgumentException($"Timer id '{timer.Id}' may not contain / \\ # ? | or control characters.", nameof(timer));
        }

        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var pointer = await table.GetEntityIfExistsAsync<TableEntity>(Partition, IdPrefix + timer.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            var dueKey = DueKey(timer.DueAt, timer.Id);
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpsertReplace, DueRow(timer, dueKey)),
            };
            if (pointer.HasValue && pointer.Value is not null)
            {
                var oldDueKey = pointer.Value.GetString("DueKey");
                actions.Add(new(TableTransactionActionType.UpdateReplace, PointerRow(timer.Id, dueKey), pointer.Value.ETag));
                if (oldDueKey != dueKey)
                {
                    actions.Add(new(TableTransactionActionType.Delete, new TableEntity(Partition, oldDueKey), ETag.All));
                }
            }
            else
            {
                actions.Add(new(TableTransactionActionType.Add, PointerRow(timer.Id, dueKey)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // The timer moved or fired meanwhile: look again.
            }
        }
    }

    public async Task<bool> CancelAsync(string timerId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(Partition, IdPrefix + timerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pointer.HasValue || pointer.Value is null)
        {
            return false;
        }

        return await DeleteBothAsync(table, pointer.Value.GetString("DueKey"), ETag.All, timerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Claims up to <paramref name="max"/> timers due now that no live lease holds.</summary>
    public async Task<IReadOnlyList<ClaimedTimer>> ClaimDueAsync(string leaseOwner, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var upTo = DuePrefix + Ticks(now) + "|\uffff";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {DuePrefix} and RowKey le {upTo}");
        var claimed = new List<ClaimedTimer>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
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
            row["LeaseOwner"] = leaseOwner;
            row["LeaseUntil"] = now + lease;
            row["Attempts"] = attempt;
            try
            {
                var response = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                claimed.Add(new ClaimedTimer(FromDueRow(row), leaseOwner, attempt, response.Headers.ETag ?? ETag.All));
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Another instance claimed, moved or finished it first.
            }
        }

        return claimed;
    }

    /// <summary>
    /// Extends the lease on a claimed timer under the ETag of its claim: the new claim, or null when
    /// the timer was re-claimed by another instance, rescheduled or removed since (it is not ours to fire).
    /// </summary>
    public async Task<ClaimedTimer?> RenewAsync(ClaimedTimer claimed, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await table.UpdateEntityAsync(
                new TableEntity(Partition, DueKey(claimed.Timer.DueAt, claimed.Timer.Id)) { ["LeaseUntil"] = time.GetUtcNow() + lease },
                claimed.ETag,
                TableUpdateMode.Merge,
                cancellationToken).ConfigureAwait(false);
            return claimed with { ETag = response.Headers.ETag ?? claimed.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Removes a fired timer, unless it was rescheduled or re-claimed while it ran.</summary>
    public async Task<bool> CompleteAsync(ClaimedTimer claimed, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        return await DeleteBothAsync(table, DueKey(claimed.Timer.DueAt, claimed.Timer.Id), claimed.ETag, claimed.Timer.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets a claimed timer aside for good: its due and id rows go and a dead-letter row keeps what it
    /// was and <paramref name="reason"/>, in one transaction. False when it was rescheduled or
    /// re-claimed meanwhile (then it is not this instance's to set aside).
    /// </summary>
    public async Task<bool> DeadLetterAsync(ClaimedTimer claimed, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var timer = claimed.Timer;
        var now = time.GetUtcNow();
        var dead = DueRow(timer, DeadPrefix + timer.Id + "|" + Ticks(now));
        dead["Attempts"] = claimed.Attempt;
        dead["Reason"] = reason;
        dead["DeadAt"] = now;
        return await DeleteBothAsync(table, DueKey(timer.DueAt, timer.Id), claimed.ETag, timer.Id, cancellationToken, new TableTransactionAction(TableTransactionActionType.Add, dead)).ConfigureAwait(false);
    }

    /// <summary>The timers set aside after too many failed attempts, oldest first.</summary>
    public async Task<IReadOnlyList<DeadTimer>> DeadLettersAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {DeadPrefix} and RowKey lt {"dead}"}");
        var dead = new List<DeadTimer>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            dead.Add(new DeadTimer(FromDueRow(row), row.GetInt32("Attempts") ?? 0, row.GetString("Reason") ?? string.Empty, row.GetDateTimeOffset("DeadAt") ?? DateTimeOffset.MinValue));
        }

        return [.. dead.OrderBy(d => d.SetAsideAt)];
    }

    /// <summary>When the earliest waiting timer falls due (null when none waits): one row read.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        // '}' sorts right after '|', so this range holds exactly the due rows.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {DuePrefix} and RowKey lt {"due}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return row.GetDateTimeOffset("DueAt");
        }

        return null;
    }

    public async Task<DurableTimer?> FindAsync(string timerId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Timers, cancellationToken).ConfigureAwait(false);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(Partition, IdPrefix + timerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pointer.HasValue || pointer.Value is null)
        {
            return null;
        }

        var due = await table.GetEntityIfExistsAsync<TableEntity>(Partition, pointer.Value.GetString("DueKey"), cancellationToken: cancellationToken).ConfigureAwait(false);
        return due.HasValue && due.Value is not null ? FromDueRow(due.Value) : null;
    }

    /// <summary>Deletes a timer's due and id rows, with <paramref name="alongside"/> in the same transaction.</summary>
    private static async Task<bool> DeleteBothAsync(TableClient table, string dueKey, ETag dueETag, string timerId, CancellationToken cancellationToken, params TableTransactionAction[] alongside)
    {
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, dueKey), dueETag),
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, IdPrefix + timerId), ETag.All),
                    .. alongside,
                ],
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static string DueKey(DateTimeOffset dueAt, string id) => DuePrefix + Ticks(dueAt) + "|" + id;

    private static TableEntity DueRow(DurableTimer timer, string dueKey) => new(Partition, dueKey)
    {
        ["TimerId"] = timer.Id,
        ["Kind"] = timer.Kind,
        ["StreamId"] = timer.StreamId,
        ["DueAt"] = timer.DueAt,
        ["Payload"] = timer.Payload,
        ["Attempts"] = 0,
    };

    private static TableEntity PointerRow(string timerId, string dueKey) => new(Partition, IdPrefix + timerId) { ["DueKey"] = dueKey };

    private static DurableTimer FromDueRow(TableEntity row) => new(
        row.GetString("TimerId"),
        row.GetString("Kind"),
        row.GetString("StreamId"),
        row.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
        row.GetString("Payload"));
}
