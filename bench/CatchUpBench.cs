using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GraphSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Bench;

/// <summary>
/// Mailbox catch-up: n referrals (the sample Greater Manchester notification form, each with its own
/// Message-ID) wait in a Graph sandbox inbox before the bot starts; the real bot (Release) then starts
/// and is timed until every one has opened its case (the bot's own "referrals opened" counter), and
/// until every referrer is acknowledged, every case's panel thread is posted (to a stand-in Teams
/// connector, as a deployment posts to the panel's channel) and the work queue is empty. Graph
/// requests are the sandbox's own count; with a third argument, every Nth Graph call is answered 429
/// with Retry-After 1 s. Afterwards it checks that n cases, n ledger entries, n acknowledgements and
/// n panel threads exist, none doubled.
/// </summary>
public static class CatchUpBench
{
    private const string Mailbox = "referrals@partnership.example";
    private const string Partnership = "oldham";
    private const string Sample = "tests/GraphSandbox/samples/gm-notification-form-referral.eml";

    public static async Task RunAsync(string connection, int count, int throttleEvery)
    {
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg"))[..14] : "n/a";
        Console.WriteLine($"Mailbox catch-up: {count} referrals waiting, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {load}"
            + (throttleEvery > 0 ? $", every {throttleEvery}th Graph call answered 429" : string.Empty));

        await using var sandbox = SandboxApp.Build(["--urls", "http://127.0.0.1:0"]);
        await sandbox.StartAsync();
        var sandboxRoot = sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var state = sandbox.Services.GetRequiredService<SandboxState>();
        await DeliverAsync(new Uri(sandboxRoot + "/"), count);
        if (throttleEvery > 0)
        {
            state.Faults.Apply(new FaultSettings(null, 1, 429, null, null, null, null, null, throttleEvery));
        }

        var requestsBefore = state.Stats.GraphRequests;
        var opened = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "teamsreviewbot.referrals.opened")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref opened, value));
        listener.Start();

        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connection,
            ["Storage:TablePrefix"] = "bc" + Guid.NewGuid().ToString("N")[..8],
            ["Graph:UseSandbox"] = "true",
            ["Graph:BaseUrl"] = sandboxRoot + "/v1.0",
            ["Graph:Mailbox"] = Mailbox,
            ["Graph:NotificationUrl"] = $"http://127.0.0.1:{port}/api/notifications",
            ["Graph:LifecycleNotificationUrl"] = $"http://127.0.0.1:{port}/api/notifications/lifecycle",
            ["Graph:ClientStateSecret"] = "bench-client-state-secret-0123456789",
            ["Intake:Partnership"] = Partnership,
            ["ThresholdDecision:Panels:oldham:ChannelId"] = ClickBench.Channel,
        };
        await using var teams = await StubConnector.StartAsync();
        await InstallInPanelChannelAsync(settings, teams);
        await using var bot = new BenchBot(settings, port);
        var clock = Stopwatch.StartNew();
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var azuriteBefore = ProcessCpu.AzuriteSeconds();
        bot.StartServer();
        var deadline = TimeSpan.FromSeconds(120 + count / 5.0);
        while (Interlocked.Read(ref opened) < count && clock.Elapsed < deadline)
        {
            await Task.Delay(20);
        }

        var toOpen = clock.Elapsed;
        var azuriteToOpen = ProcessCpu.AzuriteSeconds() - azuriteBefore;
        var ledger = bot.Services.GetRequiredService<IntakeLedger>();
        var queue = bot.Services.GetRequiredService<MailWorkInbox>();
        var followUps = bot.Services.GetRequiredService<TeamsReviewBot.Workflows.Cases.PendingCaseFollowUps>();
        IReadOnlyList<IntakeEntry> entries = [];
        while (clock.Elapsed < deadline)
        {
            entries = await ledger.ListAsync(Mailbox);
            if (entries.Count >= count && entries.All(e => e.Status == IntakeStatus.Done) && await queue.CountAsync() == 0 && followUps.Pending == 0 && teams.Threads >= count)
            {
                break;
            }

            await Task.Delay(250);
        }

        var toSettle = clock.Elapsed;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        entries = await ledger.ListAsync(Mailbox);
        var requests = state.Stats.GraphRequests - requestsBefore;
        var cases = await bot.Services.GetRequiredService<CaseIndexStore>().ListAsync(Partnership);
        var acknowledgements = state.Mailbox(Mailbox).InFolder(SandboxMailbox.SentItems).Count;
        var served = state.Stats.ServedByKind;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"every case opened after   {toOpen.TotalSeconds,7:F1} s  {Interlocked.Read(ref opened) / toOpen.TotalSeconds,7:F1} messages/s  ({Interlocked.Read(ref opened)} of {count} opened)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all acknowledged and posted to the panel after {toSettle.TotalSeconds,7:F1} s  {count / toSettle.TotalSeconds,7:F1} messages/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Teams connector calls     {teams.Calls,7}    {teams.Calls / (double)count,7:F2} per message"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Graph requests            {requests,7}    {requests / (double)count,7:F2} per message; 429s {state.Stats.Throttled + state.Stats.ConcurrencyRejections} ({state.Stats.ConcurrencyRejections} for concurrency)"));
        Console.WriteLine("  answered, by kind:      " + string.Join(", ", served.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage calls             {bot.Storage.Calls,7}    {bot.Storage.Calls / (double)count,7:F1} per message"));
        var tablePrefix = settings["Storage:TablePrefix"]!;
        foreach (var (kind, calls) in bot.Storage.ByKind.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Replace(tablePrefix, string.Empty, StringComparison.Ordinal),-32} {calls,7}    {calls / (double)count,7:F2} per message"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU of this process (bot and Graph sandbox) {cpu.TotalMilliseconds,7:F0} ms    {cpu.TotalMilliseconds / count,7:F1} ms per message"));
        if (azuriteToOpen is { } azurite)
        {
            // One Node.js thread serves every table call: at 100% of one core, storage sets the pace.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU of Azurite until every case opened {azurite * 1000,7:F0} ms    {azurite * 1000 / count,7:F1} ms per message, {azurite / toOpen.TotalSeconds * 100,3:F0}% of one core"));
        }

        var codes = entries.Select(e => e.CaseCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var intact = cases.Count == count && entries.Count == count && codes.Count == count && acknowledgements == count && teams.Threads == count;
        Console.WriteLine($"check: {cases.Count} cases, {entries.Count} ledger entries with {codes.Count} distinct case codes, {acknowledgements} acknowledgements sent, {teams.Threads} panel threads: "
            + (intact ? "every referral opened exactly one case, was acknowledged once and put to the panel" : "MISMATCH"));
        if (entries.Count != codes.Count)
        {
            // Tells a referral that never got its case code from one that shares another's.
            Console.WriteLine($"  ledger entries without a case code: {entries.Count(e => e.CaseCode is null)}; case codes held by more than one entry: {entries.GroupBy(e => e.CaseCode).Count(g => g.Key is not null && g.Count() > 1)}");
            foreach (var stuck in entries.Where(e => e.CaseCode is null))
            {
                Console.WriteLine($"  without a code: status {stuck.Status}, outcome '{stuck.Outcome}', held until {stuck.HeldUntil:O} (now {DateTimeOffset.UtcNow:O})");
            }

            Console.WriteLine($"  work items waiting: {await queue.CountAsync()}; follow-ups pending: {followUps.Pending}");
        }
        Console.WriteLine($"process working set {Environment.WorkingSet / (1024 * 1024)} MiB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MiB");
        if (!intact)
        {
            Environment.ExitCode = 1;
        }
    }

    /// <summary>The bot installed in the panel's channel (where a case's thread goes) by a start of the
    /// bot with intake off, before the timed start: the timed one finds the channel as a deployment does.</summary>
    private static async Task InstallInPanelChannelAsync(Dictionary<string, string?> settings, StubConnector teams)
    {
        var port = FreePort();
        var quiet = new Dictionary<string, string?>(settings) { ["Graph:Mailbox"] = string.Empty };
        await using var installer = new BenchBot(quiet, port);
        installer.StartServer();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var installed = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/messages", ClickActivities.ChannelInstall(teams.ServiceUrl, ClickBench.Channel));
        installed.EnsureSuccessStatusCode();
    }

    /// <summary>The sample referral n times over, each with a Message-ID of its own (intake takes a
    /// message once per internetMessageId), delivered as RFC 822 before the bot starts.</summary>
    private static async Task DeliverAsync(Uri sandbox, int count)
    {
        var template = await File.ReadAllTextAsync(Sample);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient { BaseAddress = sandbox };
        var delivering = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var text = System.Text.RegularExpressions.Regex.Replace(template, @"(?im)^Message-Id: .*$", $"Message-Id: <catchup-{run}-{i}@sender.example>");
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
            using var response = await http.PostAsync(new Uri($"sandbox/mailboxes/{Mailbox}/inbox", UriKind.Relative), content, ct);
            response.EnsureSuccessStatusCode();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} referrals put in the inbox in {delivering.Elapsed.TotalSeconds:F1} s"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
