using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text;

/// <summary>
/// Runs inside the bot's process when the benchmark starts it with DOTNET_STARTUP_HOOKS, so the bot
/// itself carries no benchmark code. Counts the HTTP requests the process sends, by destination port
/// (storage, Graph, the Teams connector), from .NET's own "System.Net.Http" meter, and answers on
/// a loopback port given by TEAMSREVIEWBOT_PROBE_PORT: GET /stats for the counts and the memory,
/// POST /gc to collect fully first; also the methods the JIT has compiled so far and its time.
/// </summary>
internal static class StartupHook
{
    private static readonly ConcurrentDictionary<int, long> RequestsByPort = new();
    private static MeterListener? _listener;

    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("TEAMSREVIEWBOT_PROBE_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return;
        }

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>(OnRequest);
        _listener.Start();

        var http = new HttpListener();
        http.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        http.Start();
        var thread = new Thread(() => Serve(http)) { IsBackground = true, Name = "benchmark probe" };
        thread.Start();
    }

    private static void OnRequest(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "server.port" && tag.Value is int port)
            {
                RequestsByPort.AddOrUpdate(port, 1, (_, n) => n + 1);
                return;
            }
        }
    }

    private static void Serve(HttpListener http)
    {
        while (http.IsListening)
        {
            var context = http.GetContext();
            try
            {
                if (context.Request.HttpMethod == "POST" && context.Request.Url?.AbsolutePath == "/gc")
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                }

                var body = Encoding.UTF8.GetBytes(Stats());
                context.Response.ContentType = "application/json";
                context.Response.OutputStream.Write(body);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private static string Stats()
    {
        using var process = Process.GetCurrentProcess();
        var requests = string.Join(",", RequestsByPort.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"{p.Key}\":{p.Value}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"workingSet\":{Environment.WorkingSet},\"peakWorkingSet\":{process.PeakWorkingSet64},\"gcHeap\":{GC.GetGCMemoryInfo().HeapSizeBytes},\"gcTotal\":{GC.GetTotalMemory(false)},\"jitMethods\":{System.Runtime.JitInfo.GetCompiledMethodCount()},\"jitMs\":{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1},\"requestsByPort\":{{{requests}}}}}");
    }
}
