using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TeamsReviewBot.Observability;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The decision follow-ups (referrer's letter, managers' notice, card) this instance has written
/// down as owed and not yet seen carried out, read by an IT team as two gauges on the
/// "TeamsReviewBot" meter: how many, and how long the oldest has waited. Kept in memory so that
/// reading them costs nothing; the rows themselves are the durable record. A row a stopped instance
/// left behind is counted here from when the timer pump takes it up (within a lease).
/// </summary>
public sealed class PendingFollowUps : IDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _owed = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Meter _meter;

    public PendingFollowUps(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        _meter = meters.Create(BotMetrics.MeterName);
        Count = _meter.CreateObservableGauge("teamsreviewbot.followups.pending", () => _owed.Count, "{follow-up}", "Decision follow-ups owed and not yet carried out");
        OldestAge = _meter.CreateObservableGauge("teamsreviewbot.followups.oldest_age", OldestSeconds, "s", "How long the oldest owed decision follow-up has waited");
    }

    public ObservableGauge<int> Count { get; }

    public ObservableGauge<double> OldestAge { get; }

    /// <summary>The follow-up's row is written: it is owed from now (or from when first seen).</summary>
    public void Owed(string timerId) => _owed.TryAdd(timerId, _time.GetUtcNow());

    /// <summary>The follow-up was carried out.</summary>
    public void Done(string timerId) => _owed.TryRemove(timerId, out _);

    public void Dispose() => _meter.Dispose();

    private double OldestSeconds()
    {
        var now = _time.GetUtcNow();
        return _owed.Values.Select(since => (now - since).TotalSeconds).DefaultIfEmpty(0).Max();
    }
}
