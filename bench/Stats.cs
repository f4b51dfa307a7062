using System.Diagnostics;
using System.Globalization;

namespace TeamsReviewBot.Bench;

/// <summary>Latency percentiles of a set of timed operations, printed as one line.</summary>
public sealed class Stats(string name)
{
    private readonly List<double> _milliseconds = [];

    public async Task TimeAsync(Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        await operation();
        _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-52} n={_milliseconds.Count,5}  p50={Percentile(50),7:F2} ms  p95={Percentile(95),7:F2} ms  p99={Percentile(99),7:F2} ms  max={_milliseconds.Max(),7:F2} ms");
}
