using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TeamsReviewBot.Bench;

/// <summary>Where the pieces the run starts around the bot are, and how big the run is.</summary>
public sealed record ClickBenchSettings(
    string StorageConnection,
    string GraphSandbox,
    string BotDll,
    string BotContentRoot,
    string ProbeDll,
    string OutputDirectory,
    string? DocsFile,
    int RequestsPerCell,
    int StoredCases,
    bool Quick)
{
    /// <summary>The paths bench/run.sh exports; "quick" runs 20 requests per cell up to 300 cases, the full run 200
    /// (at least four per client, so each cell is a sustained load and not one burst) and at least 1,000 cases
    /// (TEAMSREVIEWBOT_BENCH_REQUESTS and TEAMSREVIEWBOT_BENCH_CASES override them).</summary>
    public static ClickBenchSettings FromEnvironment(bool quick)
    {
        static string Need(string name) => Environment.GetEnvironmentVariable(name)
            ?? throw new InvalidOperationException($"Set {name} (bench/run.sh does).");
        var root = Need("TEAMSREVIEWBOT_BENCH_ROOT");
        return new ClickBenchSettings(
            Need("TEAMSREVIEWBOT_BENCH_STORAGE"),
            Need("TEAMSREVIEWBOT_BENCH_GRAPH"),
            Need("TEAMSREVIEWBOT_BENCH_BOT_DLL"),
            Path.Combine(root, "bot"),
            Need("TEAMSREVIEWBOT_BENCH_PROBE_DLL"),
            Path.Combine(root, "test-output"),
            Path.Combine(root, "docs", "benchmarks.md"),
            Size("TEAMSREVIEWBOT_BENCH_REQUESTS", quick ? 20 : 200),
            Size("TEAMSREVIEWBOT_BENCH_CASES", quick ? 300 : 1000),
            quick);
    }

    /// <summary>A size the environment may override (to fit a run to a busy machine).</summary>
    private static int Size(string name, int otherwise) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : otherwise;
}

/// <summary>
/// The clicks of issue #21 over HTTP against the bot in its own process (Release build), beside the
/// bare one-write endpoint, at 1, 10 and 50 concurrent clients in three interleaved rounds: the refer
/// form (opens a case and puts it to the panel), the first, second and deciding vote on those cases,
/// a re-vote (the same vote pressed again) and "my vote card". Then checks what was stored and sent,
/// and measures start-up, memory and the cost of a click at two sizes of the tables.
/// </summary>
public static partial class ClickBench
{
    public const string Channel = "19:channel-panel@thread.tacv2";
    public const string Mailbox = "OSCP.Group@oldham.gov.uk";
    public static readonly int[] Clients = [1, 10, 50];
    public const int Rounds = 3;
    private const int PoolSize = 50;
    private const int ScaleCases = 30;

    public static async Task RunAsync(ClickBenchSettings settings)
    {
        var started = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        var machine = MachineFacts.Read();
        Console.WriteLine($"Clicks over HTTP: {settings.RequestsPerCell} requests per cell, {Rounds} rounds, {machine}");
        var storagePorts = Ports(settings.StorageConnection);
        var graphPort = new Uri(settings.GraphSandbox).Port;

        await using var teams = await StubConnector.StartAsync();
        await using var bare = await BareWriteEndpoint.StartAsync(settings.StorageConnection);
        var tablePrefix = "bc" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(settings.OutputDirectory);
        await using var bot = await BotProcess.StartAsync(settings.BotDll, settings.BotContentRoot, settings.ProbeDll, BotSettings(settings, tablePrefix), Path.Combine(settings.OutputDirectory, "bench-bot.log"));
        var report = new ClickReport(settings, machine, started);
        report.Startup = bot.Startup;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot (pid {bot.ProcessId}) answered 200 on /healthz {bot.Startup.TotalMilliseconds:F0} ms after its process started"));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = bot.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        await ClickActivities.InstallEverywhereAsync(http, teams.ServiceUrl, Channel);

        await Task.Delay(TimeSpan.FromSeconds(3));
        report.AfterStart = await bot.ReadAsync(collectFirst: true);
        Console.WriteLine($"after start: {report.AfterStart.Memory}");

        using var sampling = new CancellationTokenSource();
        var peak = new PeakMemory();
        var sampler = peak.SampleAsync(bot, sampling.Token);

        var run = new ClickRun(http, teams, bot, bare, storagePorts, graphPort);

        // The pool re-votes and refreshes work on: cases with the police lead's vote and no decision.
        var pool = await run.OpenCasesAsync(PoolSize, 8);
        foreach (var panelCase in pool)
        {
            if (!await run.VoteAsync(ClickActivities.Voters[0], panelCase))
            {
                throw new InvalidOperationException($"The first vote on {panelCase.Code} was not answered: {run.LastFailure}");
            }
        }

        // The cost of a click with about 100 cases stored.
        await run.OpenCasesAsync(100 - ScaleCases - run.Opened, 8);
        report.Scale.Add(await run.ScaleProbeAsync(ScaleCases));
        Console.WriteLine(report.Scale[^1]);

        var cells = new List<CellResult>();
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var clients in Clients)
            {
                var requests = Math.Max(settings.RequestsPerCell, clients);
                cells.Add(await run.BareAsync(round, clients, requests));
                var (referCell, opened) = await run.ReferAsync(round, clients, requests);
                cells.Add(referCell);
                for (var seat = 0; seat < ClickActivities.Voters.Length; seat++)
                {
                    cells.Add(await run.VotesAsync(round, clients, seat, opened));
                }

                cells.Add(await run.ReVotesAsync(round, clients, requests, pool));
                cells.Add(await run.RefreshesAsync(round, clients, requests, pool));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}, {clients} clients done ({run.Opened} cases stored, {wall.Elapsed.TotalMinutes:F1} min)"));
            }
        }

        report.Cells = cells;

        // The cost of a click once the tables hold about StoredCases cases.
        await run.OpenCasesAsync(settings.StoredCases - ScaleCases - run.Opened, 8);
        report.Scale.Add(await run.ScaleProbeAsync(ScaleCases));
        Console.WriteLine(report.Scale[^1]);

        report.Checks = await ClickChecks.RunAsync(settings, tablePrefix, run, settings.Quick ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(180));
        await sampling.CancelAsync();
        await sampler;
        report.Peak = peak.Reading(await bot.ReadAsync());

        // Idle: a minute's rest, in which the bot, once quiet, hands back what the run left committed
        // (IdleMemoryRelease looks every 15 s); read as the bot left it.
        await Task.Delay(TimeSpan.FromSeconds(60));
        report.Idle = await bot.ReadAsync();
        report.CasesStored = run.Opened;
        report.Failures = cells.Sum(c => c.Failures);
        report.FailureSamples = run.FailureSamples;
        report.Duration = wall.Elapsed;

        var markdown = report.Markdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var file = Path.Combine(settings.OutputDirectory, settings.Quick ? "bench-clicks-quick.md" : "bench-clicks.md");
        await File.WriteAllTextAsync(file, markdown);
        Console.WriteLine($"written to {file}");
        if (!settings.Quick && settings.DocsFile is { } docs && await ClickReport.ReplaceInDocsAsync(docs, markdown))
        {
            Console.WriteLine($"and into {docs} (between its bench-clicks markers)");
        }
    }

    internal static Dictionary<string, string> BotSettings(ClickBenchSettings settings, string tablePrefix)
    {
        // Everything else comes from scripts/playground.env, which bench/run.sh exports as ./run.sh does.
        var key = new byte[32];
        System.Security.Cryptography.RandomNumberGenerator.Fill(key);
        return new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = settings.StorageConnection,
            ["Storage__TablePrefix"] = tablePrefix,
            ["Graph__UseSandbox"] = "true",
            ["Graph__BaseUrl"] = settings.GraphSandbox.TrimEnd('/') + "/v1.0",
            ["Graph__Mailbox"] = Mailbox,
            ["Graph__NotificationUrl"] = "http://127.0.0.1:{port}/api/notifications",
            ["Graph__LifecycleNotificationUrl"] = "http://127.0.0.1:{port}/api/notifications/lifecycle",
            ["Graph__ClientStateSecret"] = "bench-sandbox-client-state",
            ["Privacy__KeyEncryptionKey"] = Convert.ToBase64String(key),
            ["Intake__Partnership"] = "oldham",
            ["ThresholdDecision__Panels__oldham__ChannelId"] = Channel,
        };
    }

    internal static int[] Ports(string connection) =>
        [.. EndpointPort().Matches(connection).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct()];

    [GeneratedRegex(@"Endpoint=https?://[^:;/]+:(\d+)")]
    private static partial Regex EndpointPort();
}

/// <summary>The highest memory the probe saw while it was read every second.</summary>
public sealed class PeakMemory
{
    private long _workingSet;
    private long _gcHeap;

    public async Task SampleAsync(BotProcess bot, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var reading = await bot.ReadAsync();
                _workingSet = Math.Max(_workingSet, reading.WorkingSet);
                _gcHeap = Math.Max(_gcHeap, reading.GcHeap);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // A busy moment: the next sample will do.
            }
        }
    }

    /// <summary>The peak sampled, with the process's own high-water mark of its working set.</summary>
    public ProbeReading Reading(ProbeReading last) => last with
    {
        WorkingSet = Math.Max(_workingSet, last.PeakWorkingSet),
        GcHeap = Math.Max(_gcHeap, last.GcHeap),
    };
}

/// <summary>The date, the machine and the runtime the figures were taken on.</summary>
public sealed record MachineFacts(int Cores, string LoadAverage, string Runtime, string Os)
{
    public static MachineFacts Read() => new(
        Environment.ProcessorCount,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a",
        Environment.Version.ToString(),
        System.Runtime.InteropServices.RuntimeInformation.OSDescription);

    public override string ToString() => $"{Cores} cores, load average {LoadAverage} at the start, .NET {Runtime}, {Os}";
}
