using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using TeamsReviewBot.Bench;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;

// "bench/run.sh" (or "bench/run.sh clicks", or the smaller "quick"): the clicks of issue #21 over HTTP
// against the bot in its own process, beside a bare one-write endpoint (ClickBench).
// "bench/run.sh memory": the bot's memory idle after 1,000 cases, by mapping (MemoryBench).
if (args.Length > 0 && args[0] == "memory")
{
    await MemoryBench.RunAsync(ClickBenchSettings.FromEnvironment(quick: false));
    return;
}

// "bench/run.sh clickcpu": the bot's CPU time per click, batch by batch (ClickCpuBench).
if (args.Length > 0 && args[0] == "clickcpu")
{
    var batch = int.TryParse(Environment.GetEnvironmentVariable("TEAMSREVIEWBOT_BENCH_REQUESTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
    await ClickCpuBench.RunAsync(ClickBenchSettings.FromEnvironment(quick: true), batch);
    return;
}

// "bench/run.sh formread [n]": reading a referral's Word form, alone (FormReadBench).
if (args.Length > 0 && args[0] == "formread")
{
    FormReadBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    return;
}

// "bench/run.sh mailbody [n]": writing a draft's request with a file through the SDK's model, beside the file alone as JSON (MailBodyBench).
if (args.Length > 0 && args[0] == "mailbody")
{
    MailBodyBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
    return;
}

// "bench/run.sh azurite [n]": Azurite's own CPU per table call, by kind and partition size (AzuriteCostBench).
if (args.Length > 0 && args[0] == "azurite")
{
    await AzuriteCostBench.RunAsync(
        Environment.GetEnvironmentVariable("TEAMSREVIEWBOT_BENCH_STORAGE") ?? throw new InvalidOperationException("Set TEAMSREVIEWBOT_BENCH_STORAGE (bench/run.sh does)."),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500);
    return;
}

if (args.Length > 0 && args[0] is "clicks" or "quick")
{
    await ClickBench.RunAsync(ClickBenchSettings.FromEnvironment(quick: args[0] == "quick"));
    return;
}

// Measures the storage paths a card click and a timer sweep take, against the same Azurite:
// a bare single-row insert is the floor a click is compared with.
// "bench/run.sh N votes" drives the real bot over HTTP (VoteBench).
// "bench/run.sh N board" times the case board alone, which needs no storage.
if (args.Length > 1 && args[1] == "board")
{
    await BoardBench.RunAsync(int.Parse(args[0], CultureInfo.InvariantCulture));
    return;
}

var connection = Environment.GetEnvironmentVariable("TEAMSREVIEWBOT_BENCH_STORAGE")
    ?? throw new InvalidOperationException("Set TEAMSREVIEWBOT_BENCH_STORAGE to an Azurite connection string (./bench/run.sh does).");
// "bench/run.sh N votes": the vote path over HTTP beside a bare one-write endpoint, N requests per cell.
if (args.Length > 1 && args[1] == "votes")
{
    await VoteBench.RunAsync(connection, int.Parse(args[0], CultureInfo.InvariantCulture));
    return;
}

// "bench/run.sh catchup [n] [throttleEvery]": n referrals waiting in the mailbox at start-up (CatchUpBench).
if (args.Length > 1 && args[1] == "catchup")
{
    await CatchUpBench.RunAsync(connection, int.Parse(args[0], CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0);
    return;
}

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var service = new TableServiceClient(connection);
var tables = new StorageTables(service, new TableNames("bench" + Guid.NewGuid().ToString("N")[..8]));
var at = DateTimeOffset.UtcNow;
Console.WriteLine($"TeamsReviewBot storage benchmark: {rounds} rounds, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

// 1. The floor: one AddEntity per operation.
var bare = await tables.GetAsync("benchbare" + Guid.NewGuid().ToString("N")[..8]);
var bareStats = new Stats("bare AddEntity (floor)");
for (var i = 0; i < rounds; i++)
{
    var row = i;
    await bareStats.TimeAsync(() => bare.AddEntityAsync(new TableEntity("p", row.ToString("D19", CultureInfo.InvariantCulture)) { ["Data"] = "{}" }));
}

Console.WriteLine(bareStats);

// 2. A click on a warm case: state from memory, one append.
var store = new AggregateStore<long>(new TableCaseEventStore(tables), new CountFold());
await store.LoadAsync("RR-BENCH-0001");
var clickStats = new Stats("one click: AggregateStore.ExecuteAsync, warm");
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (var i = 0; i < rounds; i++)
{
    await clickStats.TimeAsync(() => store.ExecuteAsync("RR-BENCH-0001", _ => [new NewEvent("VoteCast", "{\"seat\":\"police\"}", at)]));
}

var allocatedPerClick = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / rounds;
Console.WriteLine(clickStats);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"  click / floor at p50",-52} {clickStats.Percentile(50) / bareStats.Percentile(50):F2}x   allocated ≈ {allocatedPerClick / 1024.0:F1} KiB per click (this thread)"));

// 3. Contention: four instances clicking on one case at once.
var writers = Enumerable.Range(0, 4).Select(_ => new AggregateStore<long>(new TableCaseEventStore(tables), new CountFold())).ToList();
var retries = 0;
var perWriter = Math.Max(rounds / 4, 1);
var contended = Stopwatch.StartNew();
await Task.WhenAll(writers.Select(w => Task.Run(async () =>
{
    for (var i = 0; i < perWriter; i++)
    {
        var outcome = await w.ExecuteAsync("RR-BENCH-0002", _ => [new NewEvent("VoteCast", "{}", at)]);
        Interlocked.Add(ref retries, outcome.Attempts - 1);
    }
})));
contended.Stop();
var finalVersion = (await writers[0].LoadAsync("RR-BENCH-0002")).Version;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"4 writers on one case",-52} {4 * perWriter} appends in {contended.Elapsed.TotalMilliseconds:F0} ms, {retries} retries, stream ends at {finalVersion} (expected {4 * perWriter})"));

// 4. Timer sweep: cost follows what is due, not how many timers wait.
foreach (var waiting in new[] { 100, 2000 })
{
    var sweepTables = new StorageTables(service, new TableNames("benchsweep" + waiting.ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6]));
    var sweepStore = new DurableTimerStore(sweepTables, TimeProvider.System);
    for (var i = 0; i < waiting; i++)
    {
        await sweepStore.ScheduleAsync(new DurableTimer($"future-{i}", "bench", "RR-BENCH", DateTimeOffset.UtcNow.AddDays(10 + (i % 30)), "{}"));
    }

    var sweepStats = new Stats($"claim+complete 10 due timers among {waiting} waiting");
    for (var repeat = 0; repeat < 20; repeat++)
    {
        for (var i = 0; i < 10; i++)
        {
            await sweepStore.ScheduleAsync(new DurableTimer($"due-{repeat}-{i}", "bench", "RR-BENCH", DateTimeOffset.UtcNow.AddMinutes(-1), "{}"));
        }

        await sweepStats.TimeAsync(async () =>
        {
            var claimed = await sweepStore.ClaimDueAsync("bench", TimeSpan.FromMinutes(1), 50);
            if (claimed.Count != 10)
            {
                throw new InvalidOperationException($"Expected 10 due timers, claimed {claimed.Count}.");
            }

            foreach (var timer in claimed)
            {
                await sweepStore.CompleteAsync(timer);
            }
        });
    }

    Console.WriteLine(sweepStats);
}

await BoardBench.RunAsync(Math.Min(rounds, 100));

Console.WriteLine($"working set {Environment.WorkingSet / (1024 * 1024)} MiB");

internal sealed class CountFold : IStreamFold<long>
{
    public long Initial(string streamId) => 0;

    public long Apply(long state, StoredEvent stored) => state + 1;
}
