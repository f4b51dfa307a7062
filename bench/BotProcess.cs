using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using OsProcess = System.Diagnostics.Process;

namespace TeamsReviewBot.Bench;

/// <summary>
/// The bot as a deployment runs it: its own process (`dotnet TeamsReviewBot.dll`, Release build) with
/// its own appsettings as content root and settings from the environment, exactly as ./run.sh starts it.
/// The benchmark probe (bench/Probe) rides in by DOTNET_STARTUP_HOOKS to count the process's outgoing
/// requests by port and read its memory, so nothing in the bot knows it is being measured.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly OsProcess _process;
    private readonly HttpClient _probe;

    private BotProcess(OsProcess process, Uri address, int probePort, TimeSpan startup)
    {
        _process = process;
        Address = address;
        Startup = startup;
        _probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{probePort.ToString(CultureInfo.InvariantCulture)}/") };
    }

    public Uri Address { get; }

    /// <summary>From process start to the first 200 on /healthz.</summary>
    public TimeSpan Startup { get; }

    public int ProcessId => _process.Id;

    /// <summary>The CPU time the bot's process has used so far (user and system: utime + stime).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the bot with <paramref name="settings"/> added to the environment it inherits,
    /// and waits (up to two minutes) for /healthz to answer 200.</summary>
    public static async Task<BotProcess> StartAsync(string botDll, string contentRoot, string probeDll, IReadOnlyDictionary<string, string> settings, string logFile)
    {
        var port = FreePort();
        var probePort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        foreach (var arg in new[] { botDll, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--contentRoot", contentRoot })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        start.Environment["DOTNET_STARTUP_HOOKS"] = probeDll;
        start.Environment["TEAMSREVIEWBOT_PROBE_PORT"] = probePort.ToString(CultureInfo.InvariantCulture);

        var log = new StreamWriter(logFile) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = OsProcess.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {process.ExitCode} while starting; see {logFile}.");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return new BotProcess(process, address, probePort, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            await Task.Delay(20);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The bot did not answer 200 on /healthz within two minutes; see {logFile}.");
    }

    /// <summary>The process's memory and the requests it has sent so far, by destination port.</summary>
    public async Task<ProbeReading> ReadAsync(bool collectFirst = false)
    {
        using var response = collectFirst
            ? await _probe.PostAsync(new Uri("gc", UriKind.Relative), null)
            : await _probe.GetAsync(new Uri("stats", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var byPort = json["requestsByPort"]!.AsObject().ToDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value!.GetValue<long>());
        return new ProbeReading(json["workingSet"]!.GetValue<long>(), json["peakWorkingSet"]!.GetValue<long>(), json["gcHeap"]!.GetValue<long>(), byPort)
        {
            JitMethods = json["jitMethods"]?.GetValue<long>() ?? 0,
            JitMilliseconds = json["jitMs"]?.GetValue<double>() ?? 0,
        };
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _probe.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>What the probe read in the bot's process: memory in bytes, requests sent by destination port,
/// and the methods the JIT has compiled so far (every tier's compilation counts) with its time.</summary>
public sealed record ProbeReading(long WorkingSet, long PeakWorkingSet, long GcHeap, IReadOnlyDictionary<int, long> RequestsByPort)
{
    public long JitMethods { get; init; }

    public double JitMilliseconds { get; init; }

    public long RequestsTo(IEnumerable<int> ports) => ports.Sum(p => RequestsByPort.TryGetValue(p, out var n) ? n : 0);

    public string Memory => string.Create(CultureInfo.InvariantCulture, $"working set {WorkingSet / 1048576.0:F0} MiB, GC heap {GcHeap / 1048576.0:F0} MiB");
}
