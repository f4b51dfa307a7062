using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace TeamsReviewBot.Bench;

/// <summary>
/// "bench/run.sh memory": the bot's memory idle after a day's worth of cases, broken down by mapping.
/// Starts the bot as the click benchmark does, opens TEAMSREVIEWBOT_BENCH_CASES cases (default 1,000)
/// through the refer form, casts the first vote on each and all three on every fifth (so decisions,
/// their card edits and emails run too), lets the follow-ups drain, collects fully, rests, and reads
/// /proc/&lt;pid&gt;/smaps: resident memory per file (assemblies, native libraries, ICU's data), anonymous
/// regions, the JIT's double-mapped code, and the thread count. The same reading is taken after start.
/// TEAMSREVIEWBOT_BENCH_BOT_ENV ("NAME=value;NAME=value") adds settings to the bot's environment, to
/// compare a runtime setting against the same build without it.
/// </summary>
public static class MemoryBench
{
    public static async Task RunAsync(ClickBenchSettings settings)
    {
        var machine = MachineFacts.Read();
        var cases = settings.StoredCases;
        Console.WriteLine($"Memory after {cases} cases, {machine}");
        await using var teams = await StubConnector.StartAsync();
        await using var bare = await BareWriteEndpoint.StartAsync(settings.StorageConnection);
        var botSettings = ClickBench.BotSettings(settings, "bm" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var (name, value) in ExtraEnvironment())
        {
            botSettings[name] = value;
            Console.WriteLine($"bot environment: {name}={value}");
        }

        Directory.CreateDirectory(settings.OutputDirectory);
        await using var bot = await BotProcess.StartAsync(settings.BotDll, settings.BotContentRoot, settings.ProbeDll, botSettings, Path.Combine(settings.OutputDirectory, "bench-memory-bot.log"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot (pid {bot.ProcessId}) answered 200 on /healthz {bot.Startup.TotalMilliseconds:F0} ms after its process started"));
        var cpuAtStart = ProcessCpu.Seconds(bot.ProcessId);

        using var http = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(60) };
        await ClickActivities.InstallEverywhereAsync(http, teams.ServiceUrl, ClickBench.Channel);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterStart = await ReadAsync(bot);
        Console.WriteLine($"after start: {afterStart.Summary}");

        var run = new ClickRun(http, teams, bot, bare, [], 0);
        var clock = Stopwatch.StartNew();
        var opened = new List<PanelCase>();
        while (opened.Count < cases)
        {
            var batch = await run.OpenCasesAsync(Math.Min(100, cases - opened.Count), 8);
            if (batch.Count == 0)
            {
                throw new InvalidOperationException($"No case opened: {run.LastFailure}");
            }

            opened.AddRange(batch);
            await run.VotesAsync(0, 8, 0, batch);
            var deciding = batch.Where((_, i) => i % 5 == 0).ToList();
            await run.VotesAsync(0, 8, 1, deciding);
            await run.VotesAsync(0, 8, 2, deciding);
            var reading = await bot.ReadAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{opened.Count} cases opened and voted on ({clock.Elapsed.TotalMinutes:F1} min): {reading.Memory}, load average {MachineFacts.Read().LoadAverage}"));
        }

        var cpuDriven = ProcessCpu.Seconds(bot.ProcessId) - cpuAtStart;

        // Second votes, one at a time, on cases with only a first vote: right after the drive, and
        // again once the bot has rested and handed memory back, to see what the release costs the
        // first clicks after it.
        var undecided = opened.Where((_, i) => i % 5 != 0).ToList();
        var warmVotes = await TimedVotesAsync(run, undecided.Take(20));
        Console.WriteLine($"second votes right after the drive: {warmVotes}");

        // Idle: a minute's rest, in which the follow-ups drain and the bot, once quiet, hands back what
        // the drive left committed (IdleMemoryRelease looks every 15 s), then read as the bot left it.
        // Then read again after a forced full collection, as readings before the bot released memory
        // itself were taken.
        await Task.Delay(TimeSpan.FromSeconds(60));
        var idle = await ReadAsync(bot, collectFirst: false);
        Console.WriteLine($"idle: {idle.Summary}");
        var collected = await ReadAsync(bot);
        Console.WriteLine($"idle, after a forced full collection: {collected.Summary}");
        await Task.Delay(TimeSpan.FromSeconds(40));
        var idleVotes = await TimedVotesAsync(run, undecided.Skip(20).Take(20));
        Console.WriteLine($"second votes after the idle rest: {idleVotes}");

        var markdown = Markdown(settings, machine, bot.Startup, cases, run, cpuDriven, afterStart, idle, (warmVotes, idleVotes));
        Console.WriteLine();
        Console.WriteLine(markdown);
        var file = Path.Combine(settings.OutputDirectory, "bench-memory.md");
        await File.WriteAllTextAsync(file, markdown);
        Console.WriteLine($"written to {file}");
    }

    private static async Task<string> TimedVotesAsync(ClickRun run, IEnumerable<PanelCase> cases)
    {
        var times = new List<double>();
        foreach (var panelCase in cases)
        {
            var clock = Stopwatch.StartNew();
            if (!await run.VoteAsync(ClickActivities.Voters[1], panelCase))
            {
                throw new InvalidOperationException($"A second vote was not answered: {run.LastFailure}");
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"first {times[0]:F1} ms, median {sorted[sorted.Count / 2]:F1} ms, slowest {sorted[^1]:F1} ms of {times.Count}");
    }

    /// <summary>Reads the bot's memory by mapping, after a forced full collection unless told otherwise.</summary>
    private static async Task<MemoryReading> ReadAsync(BotProcess bot, bool collectFirst = true)
    {
        var probe = await bot.ReadAsync(collectFirst);
        await Task.Delay(TimeSpan.FromSeconds(2));
        return MemoryReading.Read(bot.ProcessId, probe.GcHeap);
    }

    internal static IEnumerable<(string Name, string Value)> ExtraEnvironment() =>
        (Environment.GetEnvironmentVariable("TEAMSREVIEWBOT_BENCH_BOT_ENV") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .Select(pair => (pair[0], pair[1]));

    private static string Markdown(ClickBenchSettings settings, MachineFacts machine, TimeSpan startup, int cases, ClickRun run, double cpuDriven, MemoryReading afterStart, MemoryReading idle, (string Warm, string AfterIdle) secondVotes)
    {
        var text = new StringBuilder();
        var extra = string.Join(", ", ExtraEnvironment().Select(e => $"`{e.Name}={e.Value}`"));
        text.AppendLine(CultureInfo.InvariantCulture, $"Memory after {run.Opened} of {cases} cases opened ({run.AnsweredVotes.Count} votes answered), {machine}{(extra.Length > 0 ? $"; bot environment {extra}" : string.Empty)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Time to the first 200 on /healthz: {startup.TotalMilliseconds:F0} ms; the bot's CPU time while driven: {cpuDriven:F1} s.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Second votes one at a time, right after the drive: {secondVotes.Warm}; after the idle rest, in which the bot handed memory back: {secondVotes.AfterIdle}.");
        text.AppendLine();
        text.AppendLine("| MiB | after start | idle |");
        text.AppendLine("|---|---|---|");
        foreach (var (label, pick) in MemoryReading.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {pick(afterStart)} | {pick(idle)} |");
        }

        text.AppendLine();
        text.AppendLine("Idle, resident per mapping (MiB, the 30 largest):");
        text.AppendLine();
        text.AppendLine("| mapping | Rss |");
        text.AppendLine("|---|---|");
        foreach (var (name, kib) in idle.ByMapping.OrderByDescending(m => m.Value).Take(30))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {kib / 1024.0:F1} |");
        }

        text.AppendLine();
        text.AppendLine("Idle, the largest anonymous regions (the GC's regions and bookkeeping, the C library's malloc arenas, thread stacks):");
        text.AppendLine();
        text.AppendLine("| region | size MiB | Rss MiB |");
        text.AppendLine("|---|---|---|");
        foreach (var region in idle.AnonymousRegions.OrderByDescending(r => r.RssKib).Take(10))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {region.Range} {region.Name} | {region.SizeKib / 1024.0:F1} | {region.RssKib / 1024.0:F1} |");
        }

        return text.ToString();
    }
}

/// <summary>An anonymous mapping: its address range, its size and what of it is resident, in KiB.</summary>
public sealed record AnonymousRegion(string Range, string Name, long SizeKib, long RssKib);

/// <summary>One reading of /proc/pid/status and /proc/pid/smaps, in KiB, grouped by what the pages are.</summary>
public sealed record MemoryReading(long VmRss, long RssAnon, long RssFile, long RssShmem, int Threads, long GcHeap, IReadOnlyDictionary<string, long> ByMapping, IReadOnlyList<AnonymousRegion> AnonymousRegions)
{
    public static readonly (string Label, Func<MemoryReading, string> Pick)[] Rows =
    [
        ("working set (VmRSS)", r => Mib(r.VmRss)),
        ("RssFile (files mapped)", r => Mib(r.RssFile)),
        ("of which managed assemblies (.dll)", r => Mib(r.Sum(n => n.EndsWith(".dll", StringComparison.Ordinal)))),
        ("of which ICU (libicu*)", r => Mib(r.Sum(n => n.Contains("/libicu", StringComparison.Ordinal)))),
        ("of which the runtime's native libraries (libcoreclr, libclrjit, System.*.so)", r => Mib(r.Sum(n => n.Contains("/shared/Microsoft.NETCore.App/", StringComparison.Ordinal) && n.EndsWith(".so", StringComparison.Ordinal)))),
        ("of which SkiaSharp (libSkiaSharp)", r => Mib(r.Sum(n => n.Contains("libSkiaSharp", StringComparison.Ordinal)))),
        ("of which OpenSSL (libssl, libcrypto)", r => Mib(r.Sum(n => n.Contains("/libssl", StringComparison.Ordinal) || n.Contains("/libcrypto", StringComparison.Ordinal)))),
        ("RssShmem (JIT code's double mapping)", r => Mib(r.RssShmem)),
        ("RssAnon (GC heap, stacks, native)", r => Mib(r.RssAnon)),
        ("GC heap (after a full collection)", r => Mib(r.GcHeap / 1024)),
        ("threads", r => r.Threads.ToString(CultureInfo.InvariantCulture)),
    ];

    public string Summary => $"working set {Mib(VmRss)} MiB (file {Mib(RssFile)}, shmem {Mib(RssShmem)}, anon {Mib(RssAnon)}), GC heap {Mib(GcHeap / 1024)} MiB, {Threads} threads";

    public static MemoryReading Read(int pid, long gcHeapBytes)
    {
        var proc = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/";
        var status = File.ReadAllLines(proc + "status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);
        long Kib(string field) => long.Parse(status[field].Split(' ')[0], CultureInfo.InvariantCulture);

        var byMapping = new Dictionary<string, long>(StringComparer.Ordinal);
        var current = "[anonymous]";
        var regions = new List<AnonymousRegion>();
        (string Range, long Size)? region = null;
        foreach (var line in File.ReadLines(proc + "smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                current = fields.Length >= 6 ? string.Join(' ', fields[5..]) : "[anonymous]";
                var bounds = fields[0].Split('-');
                var size = (long.Parse(bounds[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) - long.Parse(bounds[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)) / 1024;
                region = current is "[anonymous]" or "[heap]" or "[stack]" ? (fields[0], size) : null;
            }
            else if (fields.Length >= 2 && fields[0] == "Rss:")
            {
                var rss = long.Parse(fields[1], CultureInfo.InvariantCulture);
                byMapping[current] = byMapping.GetValueOrDefault(current) + rss;
                if (region is { } anonymous)
                {
                    regions.Add(new AnonymousRegion(anonymous.Range, current, anonymous.Size, rss));
                }
            }
        }

        return new MemoryReading(Kib("VmRSS"), Kib("RssAnon"), Kib("RssFile"), Kib("RssShmem"), int.Parse(status["Threads"], CultureInfo.InvariantCulture), gcHeapBytes, byMapping, regions);
    }

    private long Sum(Func<string, bool> which) => ByMapping.Where(m => which(m.Key)).Sum(m => m.Value);

    private static string Mib(long kib) => (kib / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
}
