using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Hands out case codes such as RR-OLD-2026-0007: a counter per partnership prefix and year,
/// incremented under its ETag so two instances never hand out the same number.
/// </summary>
public sealed class CaseCodeAllocator(StorageTables tables)
{
    public async Task<string> NextAsync(string codePrefix, int year, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Counters, cancellationToken).ConfigureAwait(false);
        var rowKey = year.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(codePrefix, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                long next;
                if (!row.HasValue || row.Value is null)
                {
                    next = 1;
                    await table.AddEntityAsync(new TableEntity(codePrefix, rowKey) { ["Last"] = next }, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    next = (row.Value.GetInt64("Last") ?? 0) + 1;
                    row.Value["Last"] = next;
                    await table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return string.Create(CultureInfo.InvariantCulture, $"{codePrefix}-{year}-{next:D4}");
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone else took this number: read the counter again.
            }
        }
    }
}
