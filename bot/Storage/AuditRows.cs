using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Rows of the Audit table: one partition per UTC day, newest first (reverse ticks), with a random
/// part, so each record's key is its own.
/// </summary>
internal static class AuditRows
{
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new record's row key: newest first, then a random part.</summary>
    public static string NewKey(DateTimeOffset now) => $"{DateTimeOffset.MaxValue.Ticks - now.Ticks:D19}-{Guid.NewGuid():N}";

    /// <summary>Adds a record. Its key is its own, so a 409 is this very add met again by the table
    /// client's retry (stored, its answer lost): the record is on record once.</summary>
    public static async Task AddAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // This add, stored and its answer lost: nothing more to write.
        }
    }
}
