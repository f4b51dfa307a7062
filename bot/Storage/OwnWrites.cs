using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Writes that know themselves again. Storage may store a write and lose its answer; the table
/// client then retries it, and the retry meets what the first try stored: 409 on an insert, 412 on a
/// write under an ETag. Each write made here carries a token of its own (<see cref="NewToken"/>, set
/// by the caller on the entity under the property it names), and after such a collision the row is
/// read once: still bearing the token, it is this write, stored.
/// </summary>
internal static class OwnWrites
{
    public static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>Inserts <paramref name="entity"/>.</summary>
    public static async Task<OwnWrite> AddAsync(TableClient table, TableEntity entity, string tokenProperty, CancellationToken cancellationToken)
    {
        try
        {
            var added = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new OwnWrite(true, added.Headers.ETag, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FoundAsync(table, entity, tokenProperty, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes <paramref name="entity"/> under <paramref name="ifMatch"/> (a 404 is the caller's to handle).</summary>
    public static async Task<OwnWrite> UpdateAsync(TableClient table, TableEntity entity, ETag ifMatch, TableUpdateMode mode, string tokenProperty, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken).ConfigureAwait(false);
            return new OwnWrite(true, updated.Headers.ETag, null);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return await FoundAsync(table, entity, tokenProperty, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<OwnWrite> FoundAsync(TableClient table, TableEntity entity, string tokenProperty, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var current = found.HasValue ? found.Value : null;
        return new OwnWrite(current is not null && current.GetString(tokenProperty) == entity.GetString(tokenProperty), current?.ETag, current);
    }
}

/// <summary>What a write found. <paramref name="Ours"/>: this write is stored, its row now at
/// <paramref name="ETag"/> (when storage said). Otherwise another writer's row as it stands in
/// <paramref name="Current"/> (null when there is none). <paramref name="Current"/> is also set when
/// this write was recognised after a collision.</summary>
internal readonly record struct OwnWrite(bool Ours, ETag? ETag, TableEntity? Current);
