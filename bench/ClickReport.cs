using System.Globalization;
using System.Text;

namespace TeamsReviewBot.Bench;

/// <summary>
/// The run's figures as the Markdown section docs/benchmarks.md holds: the table (medians over the
/// rounds, each cell marked against issue #21's targets), then start-up, memory, the cost of a click
/// at two sizes of the tables, and the checks.
/// </summary>
public sealed class ClickReport(ClickBenchSettings settings, MachineFacts machine, DateTimeOffset started)
{
    public const string BeginMarker = "<!-- bench clicks: begin -->";
    public const string EndMarker = "<!-- bench clicks: end -->";
    private const double ThroughputTarget = 0.5;
    private const double P99TargetMs = 1000;
    private const double IdleTargetMiB = 150;
    private const int IdleTargetCases = 1000;

    public TimeSpan Startup { get; set; }

    public ProbeReading AfterStart { get; set; } = null!;

    public ProbeReading Peak { get; set; } = null!;

    public ProbeReading Idle { get; set; } = null!;

    public List<ScaleResult> Scale { get; } = [];

    public IReadOnlyList<CellResult> Cells { get; set; } = [];

    public CheckResult Checks { get; set; } = null!;

    public int CasesStored { get; set; }

    public int Failures { get; set; }

    public IReadOnlyList<string> FailureSamples { get; set; } = [];

    public TimeSpan Duration { get; set; }

    public string Markdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"Run `bench/run.sh{(settings.Quick ? " quick" : string.Empty)}` on {started:d MMMM yyyy, HH:mm} UTC: {machine.Cores} cores (`nproc`), load average {machine.LoadAverage} at the start and {MachineFacts.Read().LoadAverage} at the end, .NET {machine.Runtime}, {machine.Os}; {settings.RequestsPerCell} requests per cell ({Math.Max(1, settings.RequestsPerCell / ClickBench.Clients.Max())} or more per client), {ClickBench.Rounds} interleaved rounds; {Duration.TotalMinutes:F1} minutes in all.");
        md.AppendLine();
        md.AppendLine("Each cell: median req/s · p50 / p99 ms · throughput as a share of the bare endpoint's in the same round (median of the rounds) · storage calls per request (the bot's background work for those requests included) · mark against the targets (✓ met, ✗ not; at 10 and 50 clients: at least half the bare throughput; at 50 also p99 under 1 s).");
        md.AppendLine();
        md.AppendLine("| clients | " + string.Join(" | ", ClickRun.Kinds) + " |");
        md.AppendLine("|---|" + string.Concat(ClickRun.Kinds.Select(_ => "---|")));
        var met = 0;
        var judged = 0;
        var missed = new List<string>();
        foreach (var clients in ClickBench.Clients)
        {
            var row = new List<string>();
            foreach (var kind in ClickRun.Kinds)
            {
                var cells = Cells.Where(c => c.Kind == kind && c.Clients == clients).ToList();
                var perSecond = Median(cells.Select(c => c.PerSecond));
                var p50 = Median(cells.Select(c => c.P50));
                var p99 = Median(cells.Select(c => c.P99));
                var calls = Median(cells.Select(c => c.StorageCalls));
                if (kind == "bare")
                {
                    row.Add(string.Create(CultureInfo.InvariantCulture, $"{perSecond:F0} · {p50:F1} / {p99:F1} · {calls:F1}"));
                    continue;
                }

                var ratio = Median(cells.Select(c => c.PerSecond / Cells.Single(b => b.Kind == "bare" && b.Round == c.Round && b.Clients == c.Clients).PerSecond));
                var mark = "";
                if (clients >= 10)
                {
                    judged++;
                    var ok = ratio >= ThroughputTarget && (clients < 50 || p99 < P99TargetMs);
                    met += ok ? 1 : 0;
                    mark = ok ? " ✓" : " ✗";
                    if (!ok)
                    {
                        missed.Add(string.Create(CultureInfo.InvariantCulture, $"{kind} at {clients} ({ratio:F2}× bare{(clients == 50 ? $", p99 {p99:F0} ms" : string.Empty)})"));
                    }
                }

                row.Add(string.Create(CultureInfo.InvariantCulture, $"{perSecond:F0} · {p50:F1} / {p99:F1} · {ratio:F2}× · {calls:F1}{mark}"));
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"| {clients} | {string.Join(" | ", row)} |");
        }

        md.AppendLine();
        Line($"- **Targets for clicks**: {met} of {judged} cells met.{(missed.Count > 0 ? " Not met: " + string.Join("; ", missed) + "." : string.Empty)}");
        var deciding = Cells.Where(c => c.Kind == "deciding vote").ToList();
        Line($"- **Graph calls** per deciding vote (its follow-ups: the referrer's email and whatever else they send): {Median(deciding.Select(c => c.GraphCalls)):F1}.");
        Line($"- **Failures**: {Failures} requests not answered as they should be{(FailureSamples.Count > 0 ? " (for example: " + string.Join("; ", FailureSamples.Select(s => "\"" + s.Replace("|", "/", StringComparison.Ordinal) + "\"")) + ")" : string.Empty)}.");
        Line($"- **Stored exactly once**: {Checks.VotesAnswered} votes answered (case and seat; re-votes press the same vote again): {Checks.VotesStoredOnce} stored exactly once, {Checks.VotesLost} not stored, {Checks.VotesDoubled} stored more than once. Of {Checks.VotesUnanswered} votes whose answer failed (an error, no answer within 30 s, or \"not counted\"), {Checks.UnansweredButStored} were stored all the same.");
        Line($"- **Referrers emailed**: {Checks.CasesDecided} cases decided, {Checks.DecidedEmailed} of them emailed their referrer ({Checks.ReferrersEmailedTwice} more than once), counted in the Graph sandbox's sent items after waiting {Checks.EmailWait.TotalSeconds:F0} s for the follow-ups to drain.");
        Line($"- **Start-up**: {Startup.TotalSeconds:F1} s from the bot's process start to its first 200 on `/healthz`.");
        var idleMiB = Idle.WorkingSet / 1048576.0;
        Line($"- **Memory of the bot's process** (working set · GC heap): after start {MiB(AfterStart.WorkingSet)} · {MiB(AfterStart.GcHeap)}; at peak {MiB(Peak.WorkingSet)} · {MiB(Peak.GcHeap)}; idle after {CasesStored:N0} cases (a minute's rest, as the bot leaves it) {MiB(Idle.WorkingSet)} · {MiB(Idle.GcHeap)}: {(idleMiB < IdleTargetMiB ? "✓ under" : "✗ over")} the {IdleTargetMiB:F0} MB target{TargetCasesNote()}.");
        if (Scale.Count == 2)
        {
            var parts = Scale[0].Kinds.Zip(Scale[1].Kinds, (a, b) => string.Create(CultureInfo.InvariantCulture,
                $"{a.Kind} p50 {a.P50:F1} → {b.P50:F1} ms ({b.P50 / a.P50:F2}×), storage calls {a.StorageCalls:F1} → {b.StorageCalls:F1}"));
            Line($"- **Cost of a click at {Scale[0].CasesStored:N0} vs {Scale[1].CasesStored:N0} cases stored** (one client, 30 cases each): {string.Join("; ", parts)}.");
        }

        return md.ToString();
    }

    /// <summary>Replaces what lies between the markers in <paramref name="docsFile"/>; false when it has none.</summary>
    public static async Task<bool> ReplaceInDocsAsync(string docsFile, string markdown)
    {
        var text = await File.ReadAllTextAsync(docsFile);
        var begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return false;
        }

        await File.WriteAllTextAsync(docsFile, text[..(begin + BeginMarker.Length)] + "\n" + markdown + text[end..]);
        return true;
    }

    /// <summary>The memory target is set for 1,000 cases; a run that stored more says so, and where it is read at 1,000.</summary>
    private string TargetCasesNote() => CasesStored > IdleTargetCases
        ? string.Create(CultureInfo.InvariantCulture, $" (set for {IdleTargetCases:N0} cases; this run stored {CasesStored:N0}, and `bench/run.sh memory` reads it at {IdleTargetCases:N0})")
        : string.Empty;

    private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
