using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;
using Microsoft.Extensions.DependencyInjection;

namespace TeamsReviewBot.Bench;

/// <summary>
/// The vote path over HTTP beside a bare one-write endpoint, in one process and on one Azurite: the real
/// bot on Kestrel with cases put to Oldham's panel, driven by HttpClient at 1, 10 and 50 concurrent
/// clients in three interleaved rounds. Kinds: a fresh vote (the first seat on a case), a re-vote (the
/// same member pressing vote again) and a refresh (opening my vote card); beside them the bare endpoint's
/// one AddEntity and its one two-row transaction (a vote appends two events in one). Prints medians over rounds.
/// </summary>
public static class VoteBench
{
    private const string Tenant = "11111111-1111-1111-1111-111111111111";
    private const string Team = "19:team-bench@thread.tacv2";
    private const string Channel = "19:channel-bench@thread.tacv2";
    private const string BotId = "28:22222222-2222-2222-2222-222222222222";
    private static readonly int[] Clients = [1, 10, 50];
    private static readonly string[] Kinds = ["bare", "bare batch", "vote", "re-vote", "refresh"];
    private static readonly (string TeamsId, string Oid, string Name) Manager = ("29:user-bm", "30000000-0000-0000-0000-000000000001", "Bea Manning");
    private static readonly (string TeamsId, string Oid, string Name) Lead = ("29:user-la", "30000000-0000-0000-0000-000000000002", "Lola Adeyemi");

    public static async Task RunAsync(string connection, int requests)
    {
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg"))[..14] : "n/a";
        Console.WriteLine($"Vote path over HTTP: {requests} requests per cell, 3 rounds, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {load}");
        await using var teams = await StubConnector.StartAsync();
        await using var bare = await BareWriteEndpoint.StartAsync(connection);
        await using var bot = new BenchBot(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connection,
            ["Storage:TablePrefix"] = "bv" + Guid.NewGuid().ToString("N")[..8],
            ["ThresholdDecision:Panels:oldham:ChannelId"] = Channel,
            ["ThresholdDecision:DefaultPartnership"] = "oldham",
            ["Partnership:People:0:AadObjectId"] = Manager.Oid,
            ["Partnership:People:0:Name"] = Manager.Name,
            ["Partnership:People:0:Role"] = "BusinessManager",
            ["Partnership:People:1:AadObjectId"] = Lead.Oid,
            ["Partnership:People:1:Name"] = Lead.Name,
            ["Partnership:People:1:Role"] = "StatutoryLead",
            ["Partnership:People:1:Partner"] = "LocalAuthority",
        });
        var started = Stopwatch.StartNew();
        bot.StartServer();
        var address = bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 200 }) { BaseAddress = new Uri(address) };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot started in {started.ElapsedMilliseconds} ms at {http.BaseAddress}; {Memory()}"));
        (await http.PostAsJsonAsync("/api/messages", ChannelInstall(teams.ServiceUrl))).EnsureSuccessStatusCode();

        // Cases put to the panel: one per fresh vote, and a pool already voted on for re-votes and refreshes.
        var freshNeeded = 3 * Clients.Length * requests;
        var opening = Stopwatch.StartNew();
        var fresh = new Queue<PanelThreadOpened>(await OpenCasesAsync(bot, freshNeeded));
        var voted = await OpenCasesAsync(bot, 50);
        foreach (var thread in voted)
        {
            await ExpectCardAsync(await http.PostAsJsonAsync("/api/messages", Invoke(teams.ServiceUrl, "vote", VoteData(thread, "first"), thread)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{freshNeeded + voted.Count} cases opened and put to the panel in {opening.Elapsed.TotalSeconds:F0} s; {Memory()}"));

        var cells = new Dictionary<(string Kind, int Clients), List<Cell>>();
        for (var round = 1; round <= 3; round++)
        {
            foreach (var clients in Clients)
            {
                foreach (var kind in Kinds)
                {
                    var counter = kind.StartsWith("bare", StringComparison.Ordinal) ? bare.Storage : bot.Storage;
                    var callsBefore = counter.Calls;
                    var cell = await DriveAsync(requests, clients, i => kind switch
                    {
                        "bare" => http.PostAsync(bare.Address, null),
                        "bare batch" => http.PostAsync(bare.BatchAddress, null),
                        "vote" => FreshVote(http, teams.ServiceUrl, Dequeue(fresh)),
                        "re-vote" => http.PostAsJsonAsync("/api/messages", Invoke(teams.ServiceUrl, "vote", VoteData(voted[i % voted.Count], "again " + i.ToString(CultureInfo.InvariantCulture)), voted[i % voted.Count])),
                        _ => http.PostAsJsonAsync("/api/messages", Invoke(teams.ServiceUrl, "refresh", new JsonObject { ["caseCode"] = CodeOf(voted[i % voted.Count]) }, voted[i % voted.Count])),
                    }, !kind.StartsWith("bare", StringComparison.Ordinal));
                    cell = cell with { StorageCalls = (counter.Calls - callsBefore) / (double)requests };
                    if (!cells.TryGetValue((kind, clients), out var list))
                    {
                        cells[(kind, clients)] = list = [];
                    }

                    list.Add(cell);
                }
            }

            Console.WriteLine($"round {round} done; {Memory()}");
        }

        Print(cells);
        await CheckFreshVotesAsync(bot, requests);
        Console.WriteLine($"at the end: {Memory()}");
    }

    private static Task<HttpResponseMessage> FreshVote(HttpClient http, string serviceUrl, PanelThreadOpened thread) =>
        http.PostAsJsonAsync("/api/messages", Invoke(serviceUrl, "vote", VoteData(thread, "fresh"), thread));

    private static PanelThreadOpened Dequeue(Queue<PanelThreadOpened> fresh)
    {
        lock (fresh)
        {
            return fresh.Dequeue();
        }
    }

    private static readonly List<string> FreshCodes = [];

    private static async Task<IReadOnlyList<PanelThreadOpened>> OpenCasesAsync(BenchBot bot, int count)
    {
        var open = bot.Services.GetRequiredService<OpenCase>();
        var cases = bot.Services.GetRequiredService<CaseService>();
        var by = new Caller(Manager.TeamsId, Manager.Oid, Tenant, Manager.Name, [new RoleAssignment(PartnershipRole.BusinessManager, null)]);
        var threads = new PanelThreadOpened[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            var form = new ReferralForm(
                "oldham",
                CaseRules.Referral,
                DateTimeOffset.UtcNow.AddHours(-1),
                new ReferralSummary("Physical abuse", "Under 1", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), "Hollybank Primary School", "referrer@school.example"),
                new ChildDetails("Bench Child", new DateOnly(2026, 3, 14), "1 Bench Street"));
            var code = await open.NextCodeAsync(form, token);
            var opened = await open.OpenAsync(code, form, by, token);
            if (opened.ThreadFailure is { } failure)
            {
                throw new InvalidOperationException($"{code} was not put to the panel: {failure}");
            }

            threads[i] = (await cases.LoadAsync(code, token)).Thread ?? throw new InvalidOperationException($"{code} has no thread.");
            Remember(code, threads[i]);
        });
        return threads;
    }

    private static async Task<Cell> DriveAsync(int requests, int clients, Func<int, Task<HttpResponseMessage>> send, bool expectCard)
    {
        var next = -1;
        var latencies = new double[requests];
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var begun = Stopwatch.GetTimestamp();
                using var response = await send(i);
                var ok = response.IsSuccessStatusCode && (!expectCard || await IsAnswerAsync(response));
                latencies[i] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        watch.Stop();
        Array.Sort(latencies);
        return new Cell(requests / watch.Elapsed.TotalSeconds, At(latencies, 50), At(latencies, 95), At(latencies, 99), failures, 0);
    }

    private static async Task<bool> IsAnswerAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return body?["statusCode"]?.GetValue<int>() == 200 && body["value"] is not null;
    }

    private static async Task ExpectCardAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode || !await IsAnswerAsync(response))
        {
            throw new InvalidOperationException($"A vote was not answered: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static double At(double[] sorted, double p) => sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Every fresh vote answered is stored: exactly one vote on each of those cases.</summary>
    private static async Task CheckFreshVotesAsync(BenchBot bot, int requests)
    {
        var cases = bot.Services.GetRequiredService<CaseService>();
        var wrong = 0;
        var checkedCases = 0;
        foreach (var code in FreshCodes)
        {
            var state = await cases.LoadAsync(code, CancellationToken.None);
            checkedCases++;
            if (state.Votes.Count != 1)
            {
                wrong++;
            }
        }

        Console.WriteLine($"check: {checkedCases} cases given a fresh vote ({3 * Clients.Length * requests} sent); {wrong} without exactly one stored vote");
    }

    private static void Print(Dictionary<(string Kind, int Clients), List<Cell>> cells)
    {
        Console.WriteLine();
        Console.WriteLine("medians of 3 rounds: req/s · p50 / p95 / p99 ms · storage calls per request · failures");
        Console.WriteLine($"{"c",3}  {string.Join("  ", Kinds.Select(k => $"{k,-44}"))}");
        foreach (var clients in Clients)
        {
            var line = string.Join("  ", Kinds.Select(kind =>
            {
                var list = cells[(kind, clients)];
                double Median(Func<Cell, double> f) => list.Select(f).Order().ElementAt(list.Count / 2);
                return string.Create(CultureInfo.InvariantCulture, $"{Median(c => c.PerSecond),6:F0} · {Median(c => c.P50),6:F1}/{Median(c => c.P95),6:F1}/{Median(c => c.P99),7:F1} · {Median(c => c.StorageCalls),4:F1} · {list.Sum(c => c.Failures),3}").PadRight(44);
            }));
            Console.WriteLine($"{clients,3}  {line}");
        }
    }

    private static string Memory() => string.Create(CultureInfo.InvariantCulture,
        $"process working set {Environment.WorkingSet / (1024 * 1024)} MiB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MiB");

    private static string CodeOf(PanelThreadOpened thread) => ThreadCodes[thread.MessageId];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> ThreadCodes = new();

    private static JsonObject VoteData(PanelThreadOpened thread, string why)
    {
        var code = CodeOf(thread);
        if (why == "fresh")
        {
            lock (FreshCodes)
            {
                FreshCodes.Add(code);
            }
        }

        return new JsonObject
        {
            ["caseCode"] = code,
            ["abuseOrNeglect"] = "yes",
            ["deathOrSeriousHarm"] = "yes",
            ["inArea"] = "yes",
            ["notifiable"] = "yes",
            ["outcome"] = "rapid-review",
            ["rationale"] = "Serious harm, neglect suspected (" + why + ").",
        };
    }

    private static JsonObject Invoke(string serviceUrl, string verb, JsonObject data, PanelThreadOpened thread) =>
        new()
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = Guid.NewGuid().ToString(),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = Lead.TeamsId, ["aadObjectId"] = Lead.Oid, ["name"] = Lead.Name },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = thread.ThreadId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant },
            ["replyToId"] = thread.MessageId,
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Tenant },
                ["team"] = new JsonObject { ["id"] = Team },
                ["channel"] = new JsonObject { ["id"] = Channel },
                ["source"] = new JsonObject { ["name"] = "message" },
            },
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
        };

    internal static void Remember(string code, PanelThreadOpened thread)
    {
        ThreadCodes[thread.MessageId] = code;
    }

    private static JsonObject ChannelInstall(string serviceUrl) => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:installer", ["name"] = "Installer" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = Channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant, ["name"] = "Rapid Review Panel" },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["team"] = new JsonObject { ["id"] = Team, ["name"] = "Safeguarding Children Partnership" },
            ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "Rapid Review Panel" },
        },
    };

    private sealed record Cell(double PerSecond, double P50, double P95, double P99, int Failures, double StorageCalls);
}
