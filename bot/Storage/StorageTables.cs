using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>Hands out table clients for the bot's tables and creates each table once, on first use.</summary>
public sealed class StorageTables(TableServiceClient service, TableNames names)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _creations = new(StringComparer.Ordinal);

    public TableNames Names { get; } = names;

    public TableServiceClient Service { get; } = service;

    public async Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken = default)
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

        return client;
    }
}
