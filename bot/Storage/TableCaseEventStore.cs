using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Case event streams in Table Storage: partition = case, row key = zero-padded sequence number.
/// Appends insert (never upsert) the next row keys in one entity-group transaction, so two writers
/// racing for the same sequence collide with 409 and nothing is ever overwritten. An event's JSON
/// larger than a table property holds goes to Blob Storage first and the row keeps its blob's name
/// ("DataBlob") in place of "Data", so a large referral is one append like any other.
/// Every append also writes the stream's follow-up row (<see cref="CaseFollowUpRows"/>) in the same
/// transaction: what an append owes beyond itself (the case's timers and index brought up to date) is
/// recorded durably with it, and done after the reply. Its row key sorts after every sequence: a read
/// of the stream returns it last in the same query, and hands it to <see cref="CaseFollowUpRows"/>
/// (whose claim the next append keeps when another instance holds it) rather than as an event.
/// </summary>
public sealed class TableCaseEventStore(StorageTables tables, PayloadBlobStore? payloads = null, CaseFollowUpRows? followUps = null) : ICaseEventStore
{
    // An entity-group transaction holds at most 100 operations: the events and the follow-up row.
    public const int MaxEventsPerAppend = 99;

    // A string property holds at most 64 KiB, i.e. 32K UTF-16 characters.
    private const int MaxDataCharacters = 32 * 1024;

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {streamId} and RowKey gt {RowKeyOf(afterSequence)} and RowKey le {CaseFollowUpRows.RowKey}");
        var events = new List<StoredEvent>();
        TableEntity? followUp = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey == CaseFollowUpRows.RowKey)
            {
                followUp = entity;
                continue;
            }

            var data = entity.GetString("DataBlob") is { } blob
                ? await (payloads ?? throw new InvalidOperationException($"Event {entity.RowKey} of {streamId} is in Blob Storage, which is not configured."))
                    .GetTextAsync(blob, cancellationToken).ConfigureAwait(false)
                : entity.GetString("Data");
            events.Add(new StoredEvent(
                streamId,
                long.Parse(entity.RowKey, CultureInfo.InvariantCulture),
                entity.GetString("Type"),
                data,
                entity.GetDateTimeOffset("OccurredAt") ?? DateTimeOffset.MinValue));
        }

        followUps?.Saw(streamId, followUp);
        return events;
    }

    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(string streamId, long expectedLastSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Count, MaxEventsPerAppend);
        if (payloads is null && events.FirstOrDefault(e => e.Data.Length > MaxDataCharacters) is { } tooLarge)
        {
            throw new ArgumentException($"Event '{tooLarge.Type}' is {tooLarge.Data.Length} characters; an event holds at most {MaxDataCharacters}.", nameof(events));
        }

        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);

        var stored = events
            .Select((e, i) => new StoredEvent(streamId, expectedLastSequence + 1 + i, e.Type, e.Data, e.OccurredAt))
            .ToList();
        var entities = new List<TableEntity>(stored.Count);
        foreach (var e in stored)
        {
            // Written before the row: a row never points at a blob that is not there. A row that
            // loses the race leaves its blob unreferenced, and the retry writes the same name.
            var blob = e.Data.Length > MaxDataCharacters
                ? await payloads!.PutTextAsync($"events/{streamId}", e.Data, cancellationToken).ConfigureAwait(false)
                : null;
            entities.Add(ToEntity(e, blob));
        }

        if (followUps is not null && followUps.MustLookBeforeAppend(streamId))
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(streamId, CaseFollowUpRows.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            followUps.Saw(streamId, row.HasValue ? row.Value : null);
        }

        try
        {
            // The follow-up row carries its claim: written here, it costs no call of its own.
            var owing = followUps?.ClaimForAppend(streamId, expectedLastSequence, stored[^1].Sequence, stored[0].OccurredAt)
                ?? new OwedFollowUp(streamId, expectedLastSequence, stored[^1].Sequence, stored[0].OccurredAt, default);
            // Merged, so a fact of the owed run this instance does not know (FromOpening) stays as stored.
            var rowWrite = followUps is null ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpsertMerge;
            var actions = entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))
                .Append(new TableTransactionAction(rowWrite, CaseFollowUpRows.Row(owing)));
            var written = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);

            // The follow-up row's ETag, so its follow-up can delete it without reading it first.
            if (followUps is not null && written.Value is { Count: > 0 } results && results[^1].Headers.ETag is { } etag)
            {
                followUps.Wrote(owing with { ETag = etag });
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new StreamConflictException(streamId, expectedLastSequence);
        }

        return stored;
    }

    internal static string RowKeyOf(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(StoredEvent e, string? blob)
    {
        var entity = new TableEntity(e.StreamId, RowKeyOf(e.Sequence))
        {
            ["Type"] = e.Type,
            ["OccurredAt"] = e.OccurredAt,
        };
        if (blob is null)
        {
            entity["Data"] = e.Data;
        }
        else
        {
            entity["DataBlob"] = blob;
            entity["DataLength"] = e.Data.Length;
        }

        return entity;
    }
}
