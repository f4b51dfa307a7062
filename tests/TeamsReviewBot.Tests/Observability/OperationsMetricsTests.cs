using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsReviewBot.Observability;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Observability;

/// <summary>
/// The metrics an IT team alerts on when the bot falls behind: timers claimed late (and overdue),
/// decision follow-ups owed and not yet carried out, and Graph notifications refused or lost. Read
/// with a MeterListener as an exporter would, and none carries anything but a fixed word.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OperationsMetricsTests(AzuriteFixture azurite)
{
    private static readonly string[] AllowedAttributes = [BotMetrics.ReasonAttribute, BotMetrics.TimerKindAttribute, "http.response.status_code"];

    [Fact]
    public async Task A_timer_claimed_long_after_it_fell_due_is_measured_late_and_counted_overdue()
    {
        using var metrics = new MeterReadings();
        var kind = "metrics-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, installInChannel: false,
            services: services => services.AddSingleton<ITimerHandler>(new DoNothing(kind)));
        var timers = bot.Services.GetRequiredService<DurableTimerStore>();
        var now = bot.Clock.GetUtcNow();
        await timers.ScheduleAsync(new DurableTimer("metrics-on-time", kind, "none", now.AddMinutes(1), "{}"));
        await timers.ScheduleAsync(new DurableTimer("metrics-late", kind, "none", now.AddMinutes(-6), "{}"));

        // The pump runs 2 minutes on: the first timer is a minute late, the second eight.
        await bot.JumpAndFireTimersAsync(now.AddMinutes(2));

        // The clock runs on between the jump and the claim: a few seconds at most.
        var lateness = metrics.Histogram("teamsreviewbot.timers.lateness", kind).Order().ToList();
        Assert.Equal(2, lateness.Count);
        Assert.InRange(lateness[0], 60, 70);
        Assert.InRange(lateness[1], 480, 490);
        Assert.Equal(1, metrics.Sum("teamsreviewbot.timers.overdue", kind));
        metrics.AssertOnlyFixedAttributes(AllowedAttributes);
    }

    [Fact]
    public async Task Follow_ups_owed_are_counted_until_they_are_carried_out()
    {
        using var metrics = new MeterReadings();
        // Nothing runs in the background, so the decision's follow-up stays owed until its row is taken up.
        await using var bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, services: BackgroundLoops.TakeOut);
        await bot.PersonalInstallAsync(Bea);
        var pending = bot.Services.GetRequiredService<PendingFollowUps>();
        var code = await bot.ReferAsync(Bea);
        Assert.Equal(0, metrics.Observe(pending.Count));

        await bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse.");
        await bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await bot.VoteAsync(Hana, code, "rapid-review", "Health agrees.");
        Assert.Equal(1, metrics.Observe(pending.Count));
        bot.Clock.JumpTo(bot.Clock.GetUtcNow().AddSeconds(90));
        Assert.InRange(metrics.Observe(pending.OldestAge), 90, 120);

        // The follow-up worker takes the row up (as its sweep does after a restart).
        await bot.Services.GetRequiredService<CaseFollowUpWorker>().FollowUpAsync(code, CancellationToken.None);
        await bot.WaitForSentMailAsync(code);
        Assert.Equal(0, metrics.Observe(pending.Count));
        Assert.Equal(0, metrics.Observe(pending.OldestAge));
    }

    [Fact]
    public async Task Notifications_refused_for_their_client_state_or_missed_by_Graph_are_counted_by_reason()
    {
        using var metrics = new MeterReadings();
        await using var local = await LocalIntake.StartAsync();
        var forged = new { value = new object[] { new { subscriptionId = "sub-1", clientState = "not-the-secret", changeType = "created", resource = "Users/x/Messages/m1", resourceData = new { id = "m1" } } } };
        var missed = new { value = new object[] { new { subscriptionId = "sub-1", clientState = LocalIntake.ClientState, lifecycleEvent = "missed", resource = "Users/x/Messages" } } };
        (await local.BotClient.PostAsJsonAsync("/api/notifications", forged)).EnsureSuccessStatusCode();
        (await local.BotClient.PostAsJsonAsync("/api/notifications/lifecycle", missed)).EnsureSuccessStatusCode();

        await LocalIntake.WaitUntilAsync(() => Task.FromResult(metrics.Sum("teamsreviewbot.notifications.dropped", "missed", BotMetrics.ReasonAttribute) >= 1), "the missed lifecycle event counted");
        Assert.True(metrics.Sum("teamsreviewbot.notifications.dropped", "client_state_mismatch", BotMetrics.ReasonAttribute) >= 1, "the forged notification was not counted");
        metrics.AssertOnlyFixedAttributes(AllowedAttributes);
    }

    private sealed class DoNothing(string kind) : ITimerHandler
    {
        public string Kind => kind;

        public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Everything the "TeamsReviewBot" meter measures while it lives, as an exporter sees it.</summary>
    private sealed class MeterReadings : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(Instrument Instrument, double Value, Dictionary<string, object?> Tags)> _seen = new();

        public MeterReadings()
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BotMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Keep(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Keep(i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Keep(i, v, tags));
            _listener.Start();
        }

        /// <summary>Sum of a counter's measurements whose attribute (timer.kind unless named) is <paramref name="tagValue"/>.</summary>
        public double Sum(string name, string tagValue, string tag = BotMetrics.TimerKindAttribute) =>
            _seen.Where(m => m.Instrument.Name == name && Equals(m.Tags.GetValueOrDefault(tag), tagValue)).Sum(m => m.Value);

        public IEnumerable<double> Histogram(string name, string kind) =>
            _seen.Where(m => m.Instrument.Name == name && Equals(m.Tags.GetValueOrDefault(BotMetrics.TimerKindAttribute), kind)).Select(m => m.Value);

        /// <summary>Reads one observable instrument now, as an exporter's collection does.</summary>
        public double Observe(Instrument instrument)
        {
            var before = _seen.Count(m => ReferenceEquals(m.Instrument, instrument));
            _listener.RecordObservableInstruments();
            return _seen.Where(m => ReferenceEquals(m.Instrument, instrument)).Skip(before).Select(m => m.Value).Last();
        }

        public void AssertOnlyFixedAttributes(string[] allowed) =>
            Assert.All(_seen.SelectMany(m => m.Tags.Keys).Distinct(), key => Assert.Contains(key, allowed));

        public void Dispose() => _listener.Dispose();

        private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _seen.Enqueue((instrument, value, copy));
        }
    }
}
