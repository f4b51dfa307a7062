using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TeamsReviewBot.Bench;

/// <summary>One cell of the table: a kind of request at a number of concurrent clients in one round.</summary>
public sealed record CellResult(string Kind, int Round, int Clients, int Requests, double PerSecond, double P50, double P99, int Failures, double StorageCalls, double GraphCalls);

/// <summary>The clicks at one size of the tables: median latency and storage calls of each vote, one client.</summary>
public sealed record ScaleResult(int CasesStored, IReadOnlyList<(string Kind, double P50, double StorageCalls)> Kinds)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"with {CasesStored} cases stored: {string.Join("; ", Kinds.Select(k => $"{k.Kind} p50 {k.P50:F1} ms, {k.StorageCalls:F1} storage calls"))}");
}

/// <summary>
/// Sends the clicks and keeps what the checks need: every case opened (with its referrer's address),
/// every vote answered, and a few examples of failures.
/// </summary>
public sealed partial class ClickRun(HttpClient http, StubConnector teams, BotProcess bot, BareWriteEndpoint bare, int[] storagePorts, int graphPort)
{
    private static readonly TimeSpan ThreadPatience = TimeSpan.FromMinutes(2);
    public static readonly string[] Kinds = ["bare", "refer", "first vote", "second vote", "deciding vote", "re-vote", "refresh"];
    private readonly ConcurrentBag<PanelCase> _opened = [];
    private readonly ConcurrentBag<(PanelCase Case, int Seat)> _answeredVotes = [];
    private readonly ConcurrentBag<(PanelCase Case, int Seat)> _unansweredVotes = [];
    private readonly ConcurrentQueue<string> _failures = new();
    private int _referrers;

    public int Opened => _opened.Count;

    public IReadOnlyCollection<PanelCase> Cases => _opened;

    public IReadOnlyCollection<(PanelCase Case, int Seat)> AnsweredVotes => _answeredVotes;

    /// <summary>Votes sent whose answer failed (an error, a timeout, or "not counted").</summary>
    public IReadOnlyCollection<(PanelCase Case, int Seat)> UnansweredVotes => _unansweredVotes;

    /// <summary>Cases whose deciding (third) vote was answered.</summary>
    public IEnumerable<PanelCase> Decided => _answeredVotes.Where(v => v.Seat == ClickActivities.Voters.Length - 1).Select(v => v.Case).Distinct();

    public string? LastFailure => _failures.LastOrDefault();

    public IReadOnlyList<string> FailureSamples => [.. _failures.Distinct().Take(5)];

    public int GraphPort => graphPort;

    /// <summary>Opens <paramref name="count"/> cases through the refer form, unmeasured.</summary>
    public async Task<IReadOnlyList<PanelCase>> OpenCasesAsync(int count, int clients)
    {
        var opened = new ConcurrentBag<PanelCase>();
        await Parallel.ForAsync(0, Math.Max(count, 0), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (_, _) =>
        {
            if (await ReferAsync() is { } panelCase)
            {
                opened.Add(panelCase);
            }
        });
        return [.. opened];
    }

    /// <summary>One vote; true when it was answered with the voter's card and not a refusal.</summary>
    public async Task<bool> VoteAsync(BenchPerson voter, PanelCase panelCase)
    {
        var seat = Array.IndexOf(ClickActivities.Voters, voter);
        var answer = await SendAsync(ClickActivities.Vote(teams.ServiceUrl, voter, panelCase, "Serious harm and neglect suspected."));
        if (answer is null)
        {
            _unansweredVotes.Add((panelCase, seat));
            return false;
        }

        // A reply that says the vote did not count, to a vote that should count, contradicts what is stored.
        if (NotCounted().IsMatch(answer))
        {
            Fail($"vote answered as not counted: {NotCounted().Match(answer).Value}");
            _unansweredVotes.Add((panelCase, seat));
            return false;
        }

        _answeredVotes.Add((panelCase, seat));
        return true;
    }

    public async Task<CellResult> BareAsync(int round, int clients, int requests)
    {
        var before = bare.Storage.Calls;
        var cell = await DriveAsync("bare", round, clients, requests, async _ =>
        {
            using var response = await http.PostAsync(bare.Address, null);
            return response.IsSuccessStatusCode;
        });
        return cell with { StorageCalls = (bare.Storage.Calls - before) / (double)requests };
    }

    public async Task<(CellResult Cell, IReadOnlyList<PanelCase> Opened)> ReferAsync(int round, int clients, int requests)
    {
        var answered = new ConcurrentBag<(string Code, string Referrer)>();
        var cell = await MeasuredAsync("refer", round, clients, requests, _ => ReferOnceAsync(answered));
        return (cell, await ThreadsOfAsync(answered));
    }

    /// <summary>Refer forms sent at <paramref name="clients"/> clients, each waiting for its answer only:
    /// the case codes the answers named, with their referrers.</summary>
    public async Task<IReadOnlyList<(string Code, string Referrer)>> AnswerRefersAsync(int count, int clients)
    {
        var answered = new ConcurrentBag<(string Code, string Referrer)>();
        await Parallel.ForAsync(0, Math.Max(count, 0), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (_, _) => await ReferOnceAsync(answered));
        return [.. answered];
    }

    /// <summary>The panel threads of cases the refer form opened, which follow its answers (from each
    /// case's follow-up): looked up after the answers, so waiting for them is not a click's time.</summary>
    public async Task<IReadOnlyList<PanelCase>> ThreadsOfAsync(IEnumerable<(string Code, string Referrer)> answered)
    {
        var opened = new List<PanelCase>();
        foreach (var (code, referrer) in answered)
        {
            if (await ThreadOfAsync(code, referrer) is { } panelCase)
            {
                opened.Add(panelCase);
            }
        }

        return opened;
    }

    /// <summary>The vote of seat <paramref name="seat"/> on each case (the third decides).</summary>
    public Task<CellResult> VotesAsync(int round, int clients, int seat, IReadOnlyList<PanelCase> cases) =>
        MeasuredAsync(Kinds[2 + seat], round, clients, cases.Count, i => VoteAsync(ClickActivities.Voters[seat], cases[i]));

    /// <summary>The police lead pressing "Cast my vote" again, the same vote, on a case she has voted on.</summary>
    public Task<CellResult> ReVotesAsync(int round, int clients, int requests, IReadOnlyList<PanelCase> pool) =>
        MeasuredAsync("re-vote", round, clients, requests, i => VoteAsync(ClickActivities.Voters[0], pool[i % pool.Count]));

    /// <summary>The police lead opening "my vote card" on a case she has voted on.</summary>
    public Task<CellResult> RefreshesAsync(int round, int clients, int requests, IReadOnlyList<PanelCase> pool) =>
        MeasuredAsync("refresh", round, clients, requests, async i =>
            await SendAsync(ClickActivities.Refresh(teams.ServiceUrl, ClickActivities.Voters[0], pool[i % pool.Count])) is not null);

    /// <summary>"My vote card" opened by <paramref name="voter"/>; true when it was answered.</summary>
    public async Task<bool> RefreshAsync(BenchPerson voter, PanelCase panelCase) =>
        await SendAsync(ClickActivities.Refresh(teams.ServiceUrl, voter, panelCase)) is not null;

    /// <summary>Waits (up to 20 s) until the bot's background work has settled; see <see cref="SettleAsync"/>.</summary>
    public Task<ProbeReading> SettledAsync() => SettleAsync();

    /// <summary>Opens <paramref name="count"/> cases and votes on each at one client: first, second, deciding.</summary>
    public async Task<ScaleResult> ScaleProbeAsync(int count)
    {
        var cases = await OpenCasesAsync(count, 4);
        var stored = Opened;
        var kinds = new List<(string, double, double)>();
        for (var seat = 0; seat < ClickActivities.Voters.Length; seat++)
        {
            var cell = await VotesAsync(0, 1, seat, cases);
            kinds.Add((cell.Kind, cell.P50, cell.StorageCalls));
        }

        return new ScaleResult(stored, kinds);
    }

    private async Task<PanelCase?> ReferAsync() =>
        await SendReferAsync() is { } sent ? await ThreadOfAsync(sent.Code, sent.Referrer) : null;

    private async Task<bool> ReferOnceAsync(ConcurrentBag<(string Code, string Referrer)> answered)
    {
        if (await SendReferAsync() is not { } sent)
        {
            return false;
        }

        answered.Add(sent);
        return true;
    }

    /// <summary>The refer form submitted; the case code its answer names, or null (recorded as a failure).</summary>
    private async Task<(string Code, string Referrer)?> SendReferAsync()
    {
        var referrer = $"referrer-{Interlocked.Increment(ref _referrers).ToString("D5", CultureInfo.InvariantCulture)}@school.example";
        var answer = await SendAsync(ClickActivities.Refer(teams.ServiceUrl, Guid.NewGuid().ToString("N"), referrer, DateTimeOffset.UtcNow));
        if (answer is null)
        {
            return null;
        }

        if (OpenedCase().Match(answer) is not { Success: true } opened)
        {
            Fail($"refer answered without opening a case: {Shorten(answer)}");
            return null;
        }

        return (opened.Groups[1].Value, referrer);
    }

    /// <summary>The case's panel thread, posted after the form's answer from the case's follow-up (waits up to
    /// two minutes: follow-ups run first come, first served, so a thread waits behind those already owed, such as
    /// the letters and notices of 200 decisions the cell before made).</summary>
    private async Task<PanelCase?> ThreadOfAsync(string code, string referrer)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < ThreadPatience; await Task.Delay(50))
        {
            if (teams.ThreadOf(code) is { } thread)
            {
                var panelCase = new PanelCase(code, thread.Channel, thread.ThreadId, thread.MessageId, referrer);
                _opened.Add(panelCase);
                return panelCase;
            }
        }

        Fail($"{code} opened but no panel thread was posted within {ThreadPatience.TotalSeconds:F0} s");
        return null;
    }

    /// <summary>Posts an invoke; the answer's text when it is an HTTP 200 invoke response with a body, else null (recorded as a failure).</summary>
    private async Task<string?> SendAsync(JsonObject activity)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/messages", activity);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                Fail($"HTTP {(int)response.StatusCode}: {Shorten(text)}");
                return null;
            }

            var body = JsonNode.Parse(text);
            if (body?["statusCode"]?.GetValue<int>() != 200 || body["value"] is null)
            {
                Fail($"invoke answered {Shorten(text)}");
                return null;
            }

            return body["value"]!.ToJsonString();
        }
        catch (TaskCanceledException)
        {
            Fail("no answer within 30 s");
            return null;
        }
        catch (HttpRequestException ex)
        {
            Fail($"request failed: {ex.Message}");
            return null;
        }
    }

    /// <summary>A cell of the bot: timed over its requests; its storage and Graph calls counted until the
    /// bot's background work after them (a decision's follow-ups) has settled.</summary>
    private async Task<CellResult> MeasuredAsync(string kind, int round, int clients, int requests, Func<int, Task<bool>> send)
    {
        var before = await bot.ReadAsync();
        var cpuBefore = bot.CpuTime;
        var cell = await DriveAsync(kind, round, clients, requests, send);
        var after = await SettleAsync();
        // The bot's CPU per request, its background work after them included (the probe's reads are small beside it).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}, round {round}, {clients} clients: bot CPU {(bot.CpuTime - cpuBefore).TotalMilliseconds / Math.Max(requests, 1):F1} ms per request"));
        return cell with
        {
            StorageCalls = (after.RequestsTo(storagePorts) - before.RequestsTo(storagePorts)) / (double)Math.Max(requests, 1),
            GraphCalls = (after.RequestsTo([graphPort]) - before.RequestsTo([graphPort])) / (double)Math.Max(requests, 1),
        };
    }

    /// <summary>Waits (up to 20 s) until the bot makes almost no storage calls for half a second.</summary>
    private async Task<ProbeReading> SettleAsync()
    {
        var last = await bot.ReadAsync();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(500);
            var now = await bot.ReadAsync();
            if (now.RequestsTo(storagePorts) - last.RequestsTo(storagePorts) <= 3)
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    private static async Task<CellResult> DriveAsync(string kind, int round, int clients, int requests, Func<int, Task<bool>> send)
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
                var ok = await send(i);
                latencies[i] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        watch.Stop();
        Array.Sort(latencies);
        return new CellResult(kind, round, clients, requests, requests / watch.Elapsed.TotalSeconds, At(latencies, 50), At(latencies, 99), failures, 0, 0);
    }

    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private void Fail(string why)
    {
        _failures.Enqueue(why);
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"Case (RR-[A-Z]{3}-\d{4}-\d{4,}) opened")]
    private static partial Regex OpenedCase();

    [GeneratedRegex(@"[^""]*(was not counted|was not recorded|nothing was recorded)[^""]*", RegexOptions.IgnoreCase)]
    private static partial Regex NotCounted();
}
