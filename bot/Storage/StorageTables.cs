using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Hands out table clients for the bot's tables and creates each table once, on first use. A table's
/// client is made once and shared (the SDK's clients are thread-safe and meant to be reused): every
/// storage call asks for its table, and a client made per call cost its allocations and a task each time.
/// </summary>
public sealed class StorageTables(TableServiceClient service, TableNames names)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _creations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<TableClient>> _ready = new(StringComparer.Ordinal);

    public TableNames Names { get; } = names;

    public TableServiceClient Service { get; } = service;

    public Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken = default) =>
        _ready.TryGetValue(tableName, out var ready) ? ready : CreateAsync(tableName, cancellationToken);

    private async Task<TableClient> CreateAsync(string tableName, CancellationToken cancellationToken)
    {
        var client = Service.GetTableClient(tableName);
        var creation = _creations.GetOrAdd(tableName, _ => new Lazy<Task>(() => client.CreateIfNotExistsAsync(CancellationToken.None)));
        try
        {
            await creation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Let the next caller try again rather than remember a failure forever.
            _creations.TryRemove(new KeyValuePair<string, Lazy<Task>>(tableName, creation));
            throw;
        }

        return await _ready.GetOrAdd(tableName, Task.FromResult(client)).ConfigureAwait(false);
    }
}
