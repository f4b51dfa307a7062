using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace TeamsReviewBot.Bench;

/// <summary>
/// "bench/run.sh clickcpu": the bot's own CPU time per click, which does not depend on how busy the
/// machine is (utime + stime of the bot's process over a batch, divided by the batch). Starts the bot as
/// the click benchmark does, warms it up (JIT, caches) on a few cases, then sends batches of
/// TEAMSREVIEWBOT_BENCH_REQUESTS (default 100) at four clients: refer, first, second and deciding vote
/// on the cases the refers opened, with the police lead's re-vote and "my vote card" between the first
/// and second vote. Each batch is read twice: when its last
/// answer is in ("answered": the requests, plus whatever background work ran meanwhile) and once the
/// bot's background work has settled ("with follow-ups"). Re-vote and refresh have no follow-up, so
/// their two figures agree and they are the request path alone. A refer's client goes on to its next
/// form once answered; the panel threads that follow are looked up after the batch, so the time spent
/// waiting for them (and the idle bot's own work meanwhile) is not a refer's. Azurite's own CPU per click is read
/// beside the bot's, and a first batch drives the bare one-write endpoint for the storage floor: on
/// this machine one Node.js thread serves every table call, so a click's Azurite time over a bare
/// write's bounds its share of the bare endpoint's throughput once Azurite is the busy one.
/// TEAMSREVIEWBOT_BENCH_BOT_ENV ("NAME=value;NAME=value") adds settings to the bot's environment (for
/// instance DOTNET_PerfMapEnabled=1 to let a profiler name JIT-compiled methods).
/// </summary>
public static class ClickCpuBench
{
    private const int Clients = 4;
    private const int WarmUpCases = 60;

    public static async Task RunAsync(ClickBenchSettings settings, int requests)
    {
        var machine = MachineFacts.Read();
        Console.WriteLine($"Bot CPU per click: {requests} per batch at {Clients} clients, {machine}");
        await using var teams = await StubConnector.StartAsync();
        await using var bare = await BareWriteEndpoint.StartAsync(settings.StorageConnection);
        var botSettings = ClickBench.BotSettings(settings, "bu" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var (name, value) in MemoryBench.ExtraEnvironment())
        {
            botSettings[name] = value;
            Console.WriteLine($"bot environment: {name}={value}");
        }

        Directory.CreateDirectory(settings.OutputDirectory);
        await using var bot = await BotProcess.StartAsync(settings.BotDll, settings.BotContentRoot, settings.ProbeDll, botSettings, Path.Combine(settings.OutputDirectory, "bench-clickcpu-bot.log"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot pid {bot.ProcessId}, first 200 on /healthz {bot.Startup.TotalMilliseconds:F0} ms after its process started"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(60) };
        await ClickActivities.InstallEverywhereAsync(http, teams.ServiceUrl, ClickBench.Channel);

        var run = new ClickRun(http, teams, bot, bare, ClickBench.Ports(settings.StorageConnection), new Uri(settings.GraphSandbox).Port);

        // Warm-up, unmeasured: every path JIT-compiled and its caches filled.
        var warm = await run.OpenCasesAsync(WarmUpCases, Clients);
        foreach (var voter in ClickActivities.Voters)
        {
            await Parallel.ForEachAsync(warm, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (c, _) => await run.VoteAsync(voter, c));
        }

        await Parallel.ForEachAsync(warm, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (c, _) => await run.RefreshAsync(ClickActivities.Voters[0], c));
        await run.BareAsync(0, Clients, WarmUpCases);
        await run.SettledAsync();
        var warmed = await bot.ReadAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after the warm-up: {warmed.JitMethods} methods JIT-compiled in {warmed.JitMilliseconds:F0} ms, bot CPU {bot.CpuTime.TotalMilliseconds:F0} ms"));

        var rows = new List<BatchCpu>();
        rows.Add(await BatchAsync("bare one-write endpoint", requests, bot, run, () => run.BareAsync(0, Clients, requests)));
        IReadOnlyList<(string Code, string Referrer)> referred = [];
        rows.Add(await BatchAsync("refer", requests, bot, run, async () => referred = await run.AnswerRefersAsync(requests, Clients)));
        // Each case's panel thread follows its answer: looked up once the follow-ups have settled, unmeasured.
        var opened = await run.ThreadsOfAsync(referred);
        // Re-votes and refreshes on cases with the police lead's vote and no decision, then the other two votes.
        rows.Add(await BatchAsync(ClickRun.Kinds[2], opened.Count, bot, run, () => Each(opened, c => run.VoteAsync(ClickActivities.Voters[0], c))));
        var pool = opened.Take(Math.Min(opened.Count, 50)).ToList();
        var reVotes = Enumerable.Range(0, requests).Select(i => pool[i % pool.Count]).ToList();
        rows.Add(await BatchAsync("re-vote", reVotes.Count, bot, run, () => Each(reVotes, c => run.VoteAsync(ClickActivities.Voters[0], c))));
        rows.Add(await BatchAsync("refresh", reVotes.Count, bot, run, () => Each(reVotes, c => run.RefreshAsync(ClickActivities.Voters[0], c))));
        for (var seat = 1; seat < ClickActivities.Voters.Length; seat++)
        {
            var voter = ClickActivities.Voters[seat];
            rows.Add(await BatchAsync(ClickRun.Kinds[2 + seat], opened.Count, bot, run, () => Each(opened, c => run.VoteAsync(voter, c))));
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Bot CPU per click ({requests} per batch, {Clients} clients; {machine}; load average at the end {MachineFacts.Read().LoadAverage}; failures {run.FailureSamples.Count})");
        table.AppendLine();
        // The bare endpoint runs in this process, not the bot's, and has no follow-up: its row's bot
        // figures would be the idle bot's, and its floor is its Azurite time as answered.
        table.AppendLine("| click | clicks | bot CPU ms per click, answered | bot CPU ms, with follow-ups | Azurite CPU ms per click, answered | Azurite CPU ms, with follow-ups | Azurite's time with follow-ups over a bare write's | methods JIT-compiled in the batch | JIT ms in the batch |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|");
        var bareAzurite = rows[0].AzuriteAnswered;
        foreach (var row in rows)
        {
            var isBare = ReferenceEquals(row, rows[0]);
            var overBare = (isBare ? row.AzuriteAnswered : row.AzuriteSettled) is { } a && bareAzurite is > 0 ? (a / bareAzurite.Value).ToString("F1", CultureInfo.InvariantCulture) + "×" : "n/a";
            var line = isBare
                ? $"| {row.Kind} | {row.Count} | – | – | {Ms(row.AzuriteAnswered)} | – | {overBare} | – | – |"
                : string.Create(CultureInfo.InvariantCulture, $"| {row.Kind} | {row.Count} | {row.Answered:F1} | {row.Settled:F1} | {Ms(row.AzuriteAnswered)} | {Ms(row.AzuriteSettled)} | {overBare} | {row.Jitted} | {row.JitMs:F0} |");
            table.AppendLine(line);
        }

        foreach (var failure in run.FailureSamples)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"- failure: {failure}");
        }

        Console.WriteLine();
        Console.WriteLine(table);
        var file = Path.Combine(settings.OutputDirectory, "bench-clickcpu.md");
        await File.WriteAllTextAsync(file, table.ToString());
        Console.WriteLine($"written to {file}");
    }

    private static async Task<BatchCpu> BatchAsync(string kind, int count, BotProcess bot, ClickRun run, Func<Task> send)
    {
        var jitBefore = await bot.ReadAsync();
        var before = bot.CpuTime;
        var azuriteBefore = ProcessCpu.AzuriteSeconds();
        var clock = Stopwatch.StartNew();
        await send();
        var answered = bot.CpuTime - before;
        var azuriteAnswered = ProcessCpu.AzuriteSeconds() - azuriteBefore;
        var elapsed = clock.Elapsed;
        await run.SettledAsync();
        var settled = bot.CpuTime - before;
        var azuriteSettled = ProcessCpu.AzuriteSeconds() - azuriteBefore;
        var jitAfter = await bot.ReadAsync();
        var jitted = jitAfter.JitMethods - jitBefore.JitMethods;
        var jitMs = jitAfter.JitMilliseconds - jitBefore.JitMilliseconds;
        var perClick = (double)Math.Max(count, 1);
        var batch = new BatchCpu(kind, count, answered.TotalMilliseconds / perClick, settled.TotalMilliseconds / perClick,
            azuriteAnswered * 1000 / perClick, azuriteSettled * 1000 / perClick, jitted, jitMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind}: {count} in {elapsed.TotalSeconds:F1} s, bot CPU {batch.Answered:F1} ms per click answered, {batch.Settled:F1} with follow-ups; Azurite CPU {Ms(batch.AzuriteAnswered)} answered, {Ms(batch.AzuriteSettled)} with follow-ups; {jitted} methods JIT-compiled in {jitMs:F0} ms (load average {MachineFacts.Read().LoadAverage})"));
        return batch;
    }

    private static string Ms(double? milliseconds) => milliseconds is { } ms ? ms.ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    private sealed record BatchCpu(string Kind, int Count, double Answered, double Settled, double? AzuriteAnswered, double? AzuriteSettled, long Jitted, double JitMs);

    private static Task Each(IEnumerable<PanelCase> cases, Func<PanelCase, Task<bool>> click) =>
        Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (c, _) => await click(c));
}
