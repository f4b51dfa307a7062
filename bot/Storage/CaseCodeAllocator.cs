using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Storage;

/// <summary>
/// Hands out case codes such as RR-OLD-2026-0007: a counter per partnership prefix and year,
/// incremented under its ETag so two instances never hand out the same number. This instance
/// remembers the counter row as it last wrote it, so a code costs at most one write: the counter is
/// read again only when another instance moved it meanwhile (the write under the remembered ETag
/// fails), never once per attempt. Writes pass one at a time per counter, and each numbers every
/// caller waiting for it, so many referrals at once share a write rather than queue for one each.
/// </summary>
public sealed class CaseCodeAllocator(StorageTables tables)
{
    private readonly ConcurrentDictionary<(string Prefix, int Year), Counter> _counters = new();

    public async Task<string> NextAsync(string codePrefix, int year, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Counters, cancellationToken).ConfigureAwait(false);
        var rowKey = year.ToString(CultureInfo.InvariantCulture);
        var counter = _counters.GetOrAdd((codePrefix, year), _ => new Counter());
        var mine = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        counter.Waiting.Enqueue(mine);
        await counter.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Not numbered yet by the write before: every caller waiting now takes its number from one write.
            if (!mine.Task.IsCompleted)
            {
                var batch = new List<TaskCompletionSource<long>>();
                while (counter.Waiting.TryDequeue(out var waiting))
                {
                    batch.Add(waiting);
                }

                try
                {
                    // Not the caller's token: the write numbers the others waiting too.
                    var last = await TakeAsync(table, counter, codePrefix, rowKey, batch.Count, CancellationToken.None).ConfigureAwait(false);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].TrySetResult(last - batch.Count + 1 + i);
                    }
                }
                catch (Exception ex)
                {
                    // A write whose answer was lost may or may not have happened: read the counter next time.
                    counter.Known = null;
                    batch.ForEach(b => b.TrySetException(ex));
                }
            }
        }
        finally
        {
            counter.Gate.Release();
        }

        var number = await mine.Task.ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{codePrefix}-{year}-{number:D4}");
    }

    /// <summary>Moves the counter on by <paramref name="count"/> under its ETag; returns the last number taken.</summary>
    private static async Task<long> TakeAsync(TableClient table, Counter counter, string codePrefix, string rowKey, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (counter.Known is not { } known)
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(codePrefix, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                known = row.HasValue && row.Value is not null ? (row.Value.GetInt64("Last") ?? 0, row.Value.ETag) : (0, default);
            }

            var last = known.Last + count;
            // A write stored but whose answer was lost is known for this one (see OwnWrites), so its
            // numbers are used, not skipped.
            var take = new TableEntity(codePrefix, rowKey) { ["Last"] = last, ["Taker"] = OwnWrites.NewToken() };
            var write = known.ETag == default
                ? await OwnWrites.AddAsync(table, take, "Taker", cancellationToken).ConfigureAwait(false)
                : await OwnWrites.UpdateAsync(table, take, known.ETag, TableUpdateMode.Replace, "Taker", cancellationToken).ConfigureAwait(false);
            if (write.Ours)
            {
                counter.Known = write.ETag is { } etag ? (last, etag) : null;
                return last;
            }

            // Another instance took these numbers: go on from the counter as it stands.
            counter.Known = write.Current is { } moved ? (moved.GetInt64("Last") ?? 0, moved.ETag) : null;
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
            || !long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return;
        }

        var codePrefix = string.Join('-', parts[..^2]);
        if (!_counters.TryGetValue((codePrefix, year), out var counter))
        {
            return;
        }

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

    /// <summary>One counter as this instance last wrote it, the gate its writes pass one at a time, and
    /// the callers waiting for a number (all numbered by the next write).</summary>
    private sealed class Counter
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ConcurrentQueue<TaskCompletionSource<long>> Waiting { get; } = new();

        public (long Last, ETag ETag)? Known { get; set; }
    }
}
