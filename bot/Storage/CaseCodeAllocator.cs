using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Hands out case codes such as RR-OLD-2026-0007: a counter per partnership prefix and year,
/// incremented under its ETag so two instances never hand out the same number. This instance
/// remembers the counter row as it last wrote it and takes one number at a time per counter, so a
/// code costs one write: the counter is read again only when another instance moved it meanwhile
/// (the write under the remembered ETag fails), never once per attempt.
/// </summary>
public sealed class CaseCodeAllocator(StorageTables tables)
{
    private readonly ConcurrentDictionary<(string Prefix, int Year), Counter> _counters = new();

    public async Task<string> NextAsync(string codePrefix, int year, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Counters, cancellationToken).ConfigureAwait(false);
        var rowKey = year.ToString(CultureInfo.InvariantCulture);
        var counter = _counters.GetOrAdd((codePrefix, year), _ => new Counter());
        await counter.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                if (counter.Known is not { } known)
                {
                    var row = await table.GetEntityIfExistsAsync<TableEntity>(codePrefix, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                    known = row.HasValue && row.Value is not null ? (row.Value.GetInt64("Last") ?? 0, row.Value.ETag) : (0, default);
                }

                var next = known.Last + 1;
                try
                {
                    var written = known.ETag == default
                        ? await table.AddEntityAsync(new TableEntity(codePrefix, rowKey) { ["Last"] = next }, cancellationToken).ConfigureAwait(false)
                        : await table.UpdateEntityAsync(new TableEntity(codePrefix, rowKey) { ["Last"] = next }, known.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    counter.Known = written.Headers.ETag is { } etag ? (next, etag) : null;
                    return string.Create(CultureInfo.InvariantCulture, $"{codePrefix}-{year}-{next:D4}");
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Another instance took this number: read the counter again.
                    counter.Known = null;
                }
            }
        }
        catch
        {
            // A write whose answer was lost may or may not have happened: read the counter next time.
            counter.Known = null;
            throw;
        }
        finally
        {
            counter.Gate.Release();
        }
    }

    /// <summary>
    /// Takes <paramref name="code"/> back when it is still the last number handed out (a form pressed
    /// again found the code its first press claimed, so this one was never used): codes then run
    /// without a gap. One write, and only then; when another code was handed out since, here or by
    /// another instance, the number is left unused.
    /// </summary>
    public async Task GiveBackAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var parts = code.Split('-');
        if (parts.Length < 3
            || !int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !_counters.TryGetValue((string.Join('-', parts[..^2]), year), out var counter))
        {
            return;
        }

        var codePrefix = string.Join('-', parts[..^2]);
        var table = await tables.GetAsync(tables.Names.Counters, cancellationToken).ConfigureAwait(false);
        await counter.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (counter.Known is not { } known || known.Last != number)
            {
                return;
            }

            var row = new TableEntity(codePrefix, year.ToString(CultureInfo.InvariantCulture)) { ["Last"] = number - 1 };
            var written = await table.UpdateEntityAsync(row, known.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            counter.Known = written.Headers.ETag is { } etag ? (number - 1, etag) : null;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance moved the counter: the number stays unused, and the counter is read next time.
            counter.Known = null;
        }
        catch
        {
            counter.Known = null;
            throw;
        }
        finally
        {
            counter.Gate.Release();
        }
    }

    /// <summary>One counter as this instance last wrote it, and the gate that takes its numbers one at a time.</summary>
    private sealed class Counter
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public (long Last, ETag ETag)? Known { get; set; }
    }
}
