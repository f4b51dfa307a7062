using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Storage.Intake;

/// <summary>How far intake got with one message.</summary>
public enum IntakeStatus
{
    Received,
    CaseOpened,
    Done,
}

/// <summary>The ledger row for one message, with the ETag to move it on and, for the worker holding
/// it, the end of the lease it last wrote (no other worker may take the message before then).</summary>
public sealed record IntakeEntry(string Mailbox, string InternetMessageId, IntakeStatus Status, string? CaseCode, string? Outcome, ETag ETag, DateTimeOffset HeldUntil = default);

/// <summary>
/// One row per message, keyed by internetMessageId (partition = mailbox): however many
/// notifications and delta passes bring a message, it moves Received → Done once. The case code is
/// written here before the case is opened, so a retry opens the same case (opening is keyed by the
/// code, so opening again is harmless); a pass that opened the case and then failed records
/// CaseOpened as it gives the message back. Every write carries a token of its own
/// (<see cref="WriteToken"/>), so one stored but whose answer was lost is known for this pass's
/// (see <see cref="OwnWrites"/>).
/// Holds no personal details: only ids, status, outcome and case code.
/// </summary>
public sealed class IntakeLedger(StorageTables tables, TimeProvider time)
{
    private const string WriteToken = "WriteToken";

    /// <summary>
    /// Takes the message for processing: null when it is finished already or another pass holds it.
    /// </summary>
    public async Task<IntakeEntry?> TryBeginAsync(string mailbox, string internetMessageId, string messageId, TimeSpan lease, CancellationToken cancellationToken = default) =>
        (await BeginAsync(mailbox, internetMessageId, messageId, lease, cancellationToken).ConfigureAwait(false)).Taken;

    /// <summary>
    /// Takes the message for processing, or says why not: finished already, or held by another pass
    /// until a time (the work that brought it here must then come back, not be dropped). A take whose
    /// answer was lost and retried by the storage client (409 on the add, 412 on the takeover) is
    /// recognised as this pass's own.
    /// </summary>
    public async Task<IntakeBeginning> BeginAsync(string mailbox, string internetMessageId, string messageId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailIntake, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        // Most messages are new: add the row straight away, and read only when it is there already
        // (an earlier pass stopped part-way, another pass holds it, or this add was stored and its answer lost).
        var taken = await OwnWrites.AddAsync(
            table,
            new TableEntity(MailboxSyncStore.Key(mailbox), IdempotencyStore.KeySafe(internetMessageId))
            {
                ["InternetMessageId"] = internetMessageId,
                ["MessageId"] = messageId,
                ["Status"] = nameof(IntakeStatus.Received),
                ["FirstSeenAt"] = now,
                ["LeaseUntil"] = now + lease,
                [WriteToken] = OwnWrites.NewToken(),
            },
            WriteToken,
            cancellationToken).ConfigureAwait(false);
        if (taken.Ours)
        {
            return new IntakeBeginning(new IntakeEntry(mailbox, internetMessageId, IntakeStatus.Received, null, null, taken.ETag ?? ETag.All, now + lease), null);
        }

        if (taken.Current is not { } row || ToEntry(mailbox, internetMessageId, row) is { Status: IntakeStatus.Done })
        {
            return new IntakeBeginning(null, null);
        }

        if (row.GetDateTimeOffset("LeaseUntil") is { } until && until > now)
        {
            return new IntakeBeginning(null, until);
        }

        // The last holder's lease ran out: take the message over, under the ETag read.
        var existing = ToEntry(mailbox, internetMessageId, row);
        row["LeaseUntil"] = now + lease;
        row[WriteToken] = OwnWrites.NewToken();
        var takeover = await OwnWrites.UpdateAsync(table, row, row.ETag, TableUpdateMode.Replace, WriteToken, cancellationToken).ConfigureAwait(false);
        if (takeover.Ours)
        {
            return new IntakeBeginning(existing with { ETag = takeover.ETag ?? ETag.All, HeldUntil = now + lease }, null);
        }

        // Another pass took it at the same moment.
        return takeover.Current is not { } after || ToEntry(mailbox, internetMessageId, after).Status == IntakeStatus.Done
            ? new IntakeBeginning(null, null)
            : new IntakeBeginning(null, after.GetDateTimeOffset("LeaseUntil") ?? now + lease);
    }

    /// <summary>Records the case code to open and renews the lease in the same write, so the case can
    /// be opened and the referrer acknowledged without another; fails with
    /// <see cref="IntakeLeaseLostException"/> when another worker has taken the message over.</summary>
    public async Task<IntakeEntry> ReserveCaseCodeAsync(IntakeEntry entry, string caseCode, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var heldUntil = time.GetUtcNow() + lease;
        var update = new TableEntity(MailboxSyncStore.Key(entry.Mailbox), IdempotencyStore.KeySafe(entry.InternetMessageId)) { ["CaseCode"] = caseCode, ["LeaseUntil"] = heldUntil };
        var etag = await MergeHeldAsync(entry, update, cancellationToken).ConfigureAwait(false);
        return entry with { CaseCode = caseCode, ETag = etag, HeldUntil = heldUntil };
    }

    /// <summary>
    /// Moves the message on, under the ETag this worker last saw: if its lease ran out and another
    /// worker took the message meanwhile, the write fails with <see cref="IntakeLeaseLostException"/>
    /// instead of overwriting the other worker's progress.
    /// </summary>
    public Task<IntakeEntry> MoveAsync(IntakeEntry entry, IntakeStatus status, string outcome, CancellationToken cancellationToken = default) =>
        MoveAsync(entry, status, outcome, null, cancellationToken);

    /// <summary>As above, and renews this worker's lease in the same write (before a step that cannot be undone).</summary>
    public async Task<IntakeEntry> MoveAsync(IntakeEntry entry, IntakeStatus status, string outcome, TimeSpan? renewLease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var update = new TableEntity(MailboxSyncStore.Key(entry.Mailbox), IdempotencyStore.KeySafe(entry.InternetMessageId))
        {
            ["Status"] = status.ToString(),
            ["Outcome"] = outcome,
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        var heldUntil = entry.HeldUntil;
        if (status == IntakeStatus.Done)
        {
            heldUntil = time.GetUtcNow();
            update["LeaseUntil"] = heldUntil;
        }
        else if (renewLease is { } lease)
        {
            heldUntil = time.GetUtcNow() + lease;
            update["LeaseUntil"] = heldUntil;
        }

        var etag = await MergeHeldAsync(entry, update, cancellationToken).ConfigureAwait(false);
        return entry with { Status = status, Outcome = outcome, ETag = etag, HeldUntil = heldUntil };
    }

    /// <summary>
    /// Extends this worker's lease before a step that cannot be undone (sending mail), or fails
    /// with <see cref="IntakeLeaseLostException"/> when another worker has taken the message over.
    /// </summary>
    public async Task<IntakeEntry> RenewAsync(IntakeEntry entry, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var heldUntil = time.GetUtcNow() + lease;
        var update = new TableEntity(MailboxSyncStore.Key(entry.Mailbox), IdempotencyStore.KeySafe(entry.InternetMessageId)) { ["LeaseUntil"] = heldUntil };
        var etag = await MergeHeldAsync(entry, update, cancellationToken).ConfigureAwait(false);
        return entry with { ETag = etag, HeldUntil = heldUntil };
    }

    /// <summary>
    /// Before a step that cannot be undone: when less than half of <paramref name="lease"/> is left of
    /// the lease this worker last wrote, renews it (failing with <see cref="IntakeLeaseLostException"/>
    /// if another worker has taken the message over); otherwise no other worker can have taken it yet,
    /// and nothing is written.
    /// </summary>
    public Task<IntakeEntry> EnsureHeldAsync(IntakeEntry entry, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.HeldUntil - time.GetUtcNow() > lease / 2 ? Task.FromResult(entry) : RenewAsync(entry, lease, cancellationToken);
    }

    /// <summary>Gives the message back after a failure so the retry can take it at once (unless another
    /// worker holds it now), recording how far this pass got when it opened the case.</summary>
    public async Task ReleaseAsync(IntakeEntry entry, string? caseOpened = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var update = new TableEntity(MailboxSyncStore.Key(entry.Mailbox), IdempotencyStore.KeySafe(entry.InternetMessageId)) { ["LeaseUntil"] = time.GetUtcNow() };
        if (caseOpened is not null)
        {
            update["Status"] = nameof(IntakeStatus.CaseOpened);
            update["Outcome"] = "case opened " + caseOpened;
        }

        try
        {
            await MergeHeldAsync(entry, update, cancellationToken).ConfigureAwait(false);
        }
        catch (IntakeLeaseLostException)
        {
            // The message is another worker's now: nothing of ours to give back.
        }
    }

    /// <summary>Writes under the ETag this worker last saw; a changed row means another worker took the
    /// message over (<see cref="IntakeLeaseLostException"/>), unless it is this very write, stored and
    /// its answer lost, met again by the storage client's retry.</summary>
    private async Task<ETag> MergeHeldAsync(IntakeEntry entry, TableEntity update, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.MailIntake, cancellationToken).ConfigureAwait(false);
        update[WriteToken] = OwnWrites.NewToken();
        try
        {
            var write = await OwnWrites.UpdateAsync(table, update, entry.ETag, TableUpdateMode.Merge, WriteToken, cancellationToken).ConfigureAwait(false);
            return write.Ours ? write.ETag ?? ETag.All : throw new IntakeLeaseLostException(entry.InternetMessageId, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new IntakeLeaseLostException(entry.InternetMessageId, ex);
        }
    }

    public async Task<IReadOnlyList<IntakeEntry>> ListAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.MailIntake, cancellationToken).ConfigureAwait(false);
        var entries = new List<IntakeEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {MailboxSyncStore.Key(mailbox)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ToEntry(mailbox, row.GetString("InternetMessageId") ?? row.RowKey, row));
        }

        return entries;
    }

    private static IntakeEntry ToEntry(string mailbox, string internetMessageId, TableEntity row) => new(
        mailbox,
        internetMessageId,
        Enum.Parse<IntakeStatus>(row.GetString("Status") ?? nameof(IntakeStatus.Received)),
        row.GetString("CaseCode"),
        row.GetString("Outcome"),
        row.ETag);
}

/// <summary>What a take of a message found: <paramref name="Taken"/> when this pass holds it now;
/// otherwise finished already (both null) or held by another pass until <paramref name="HeldElsewhereUntil"/>.</summary>
public sealed record IntakeBeginning(IntakeEntry? Taken, DateTimeOffset? HeldElsewhereUntil);

/// <summary>Another pass holds the message until <paramref name="heldUntil"/>: the work that brought it
/// comes back then, in case that pass stops before finishing (it may be this work's own earlier try).</summary>
public sealed class IntakeMessageHeldException(string internetMessageId, DateTimeOffset heldUntil)
    : InvalidOperationException($"Message {internetMessageId} is being taken in by another pass until {heldUntil:O}.")
{
    public DateTimeOffset HeldUntil { get; } = heldUntil;
}

/// <summary>Another worker took the message over after this worker's lease ran out: this worker stops.</summary>
public sealed class IntakeLeaseLostException(string internetMessageId, Exception? inner)
    : InvalidOperationException($"Another worker took over message {internetMessageId} while it was being processed.", inner);
