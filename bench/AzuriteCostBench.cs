using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TeamsReviewBot.Bench;

/// <summary>
/// "bench/run.sh azurite [n]": what one table call costs Azurite itself (its process's CPU time per
/// call, at 8 calls in flight), by kind, in a partition holding 1, 1,000 and 5,000 rows. Azurite keeps
/// a table as one LokiJS collection indexed on PartitionKey and on RowKey, and finds a row with
/// findOne({PartitionKey, RowKey}); LokiJS uses a binary index for the first term of such a query only,
/// so the RowKey is then looked for row by row among the partition's rows. Every point read, insert,
/// update and transaction step in a big partition pays for its size. Queries run a filter over the
/// whole table. The figures say what a storage call weighs in the other benchmarks on this machine.
/// </summary>
public static class AzuriteCostBench
{
    private const int InFlight = 8;

    public static async Task RunAsync(string connection, int calls)
    {
        if (ProcessCpu.AzuriteSeconds() is null)
        {
            throw new InvalidOperationException("Set TEAMSREVIEWBOT_BENCH_AZURITE_PID to the Azurite's process id (bench/run.sh does).");
        }

        Console.WriteLine($"Azurite's CPU per table call, {calls} calls a kind at {InFlight} in flight, {MachineFacts.Read()}");
        Console.WriteLine();
        Console.WriteLine("| rows in the partition | insert | point read | replace (on ETag) | merge | transaction of 2 inserts | transaction of 5 upserts (replace) | query of one partition |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        // The first size twice, the first time unreported: Node.js compiles Azurite's paths as they are first used.
        foreach (var (rows, reported) in new[] { (1, false), (1, true), (1000, true), (5000, true) })
        {
            // Each kind in a table of its own, its one partition filled to the size first (unmeasured).
            // Inserts and upserts add rows as they go: at most calls × rows a call beyond the size.
            var insert = await KindAsync(connection, rows, calls, (t, i) => t.AddEntityAsync(Row($"i{i:D6}")));
            var read = await KindAsync(connection, rows, calls, (t, i) => t.GetEntityAsync<TableEntity>(Partition, Filled(i % rows)));
            var replace = await KindAsync(connection, rows, calls, (t, i) => t.UpdateEntityAsync(Row(Filled(i % rows)), ETag.All, TableUpdateMode.Replace));
            var merge = await KindAsync(connection, rows, calls, (t, i) => t.UpdateEntityAsync(Row(Filled(i % rows)), ETag.All, TableUpdateMode.Merge));
            var pairs = await KindAsync(connection, rows, calls, (t, i) => t.SubmitTransactionAsync(
                [new(TableTransactionActionType.Add, Row($"a{i:D6}")), new(TableTransactionActionType.Add, Row($"b{i:D6}"))]));
            var fives = await KindAsync(connection, rows, calls, (t, i) => t.SubmitTransactionAsync(
                Enumerable.Range(0, 5).Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row($"u{i:D6}{k}")))));
            var query = await KindAsync(connection, rows, calls, async (t, i) =>
            {
                await foreach (var unused in t.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"q" + i.ToString(CultureInfo.InvariantCulture)}")))
                {
                }
            });
            if (!reported)
            {
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {rows:N0} | {insert:F2} | {read:F2} | {replace:F2} | {merge:F2} | {pairs:F2} | {fives:F2} | {query:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Milliseconds of Azurite's CPU per call (utime + stime of its process over the calls, divided by them).");
    }

    private const string Partition = "p";

    private static TableEntity Row(string rowKey) => new(Partition, rowKey) { ["Data"] = new string('x', 200) };

    private static string Filled(int i) => "f" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static async Task<double> KindAsync(string connection, int rows, int calls, Func<TableClient, int, Task> call)
    {
        var table = new TableServiceClient(connection).GetTableClient("azcost" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        foreach (var chunk in Enumerable.Range(0, rows).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, Row(Filled(i)))));
        }

        var before = ProcessCpu.AzuriteSeconds()!.Value;
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, _) => await call(table, i));
        var perCall = (ProcessCpu.AzuriteSeconds()!.Value - before) * 1000 / calls;
        await table.DeleteAsync();
        return perCall;
    }
}
