using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Case event streams in Table Storage: partition = case, row key = zero-padded sequence number.
/// Appends insert (never upsert) the next row keys in one entity-group transaction, so two writers
/// racing for the same sequence collide with 409 and nothing is ever overwritten.
/// </summary>
public sealed class TableCaseEventStore(StorageTables tables) : ICaseEventStore
{
    // An entity-group transaction holds at most 100 operations.
    private const int MaxEventsPerAppend = 100;

    // A string property holds at most 64 KiB, i.e. 32K UTF-16 characters.
    private const int MaxDataCharacters = 32 * 1024;

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {streamId} and RowKey gt {RowKeyOf(afterSequence)}");
        var events = new List<StoredEvent>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StoredEvent(
                streamId,
                long.Parse(entity.RowKey, CultureInfo.InvariantCulture),
                entity.GetString("Type"),
                entity.GetString("Data"),
                entity.GetDateTimeOffset("OccurredAt") ?? DateTimeOffset.MinValue));
        }

        return events;
    }

    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(string streamId, long expectedLastSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Count, MaxEventsPerAppend);
        if (events.FirstOrDefault(e => e.Data.Length > MaxDataCharacters) is { } tooLarge)
        {
            throw new ArgumentException($"Event '{tooLarge.Type}' is {tooLarge.Data.Length} characters; an event holds at most {MaxDataCharacters}.", nameof(events));
        }

        var table = await tables.GetAsync(tables.Names.CaseEvents, cancellationToken).ConfigureAwait(false);

        var stored = events
            .Select((e, i) => new StoredEvent(streamId, expectedLastSequence + 1 + i, e.Type, e.Data, e.OccurredAt))
            .ToList();
        var entities = stored.Select(ToEntity).ToList();
        try
        {
            if (entities.Count == 1)
            {
                await table.AddEntityAsync(entities[0], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var actions = entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e));
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new StreamConflictException(streamId, expectedLastSequence);
        }

        return stored;
    }

    internal static string RowKeyOf(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(StoredEvent e) => new(e.StreamId, RowKeyOf(e.Sequence))
    {
        ["Type"] = e.Type,
        ["Data"] = e.Data,
        ["OccurredAt"] = e.OccurredAt,
    };
}
