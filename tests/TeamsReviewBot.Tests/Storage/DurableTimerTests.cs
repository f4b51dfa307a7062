using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Tests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class DurableTimerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_timer_due_once_fires_once_when_two_instances_poll_together()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var handler = new CountingHandler();
        var first = Pump(tables, clock, handler);
        var second = Pump(tables, clock, handler);
        await new DurableTimerStore(tables, clock).ScheduleAsync(Timer("RR-OLD-2026-0001:decision:reminder", Now.AddHours(1)));

        clock.Advance(TimeSpan.FromHours(2));
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));
        }

        Assert.Equal(["RR-OLD-2026-0001:decision:reminder"], handler.Fired);
        Assert.Null(await new DurableTimerStore(tables, clock).FindAsync("RR-OLD-2026-0001:decision:reminder"));
    }

    [Fact]
    public async Task A_timer_does_not_fire_before_it_is_due()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var handler = new CountingHandler();
        await new DurableTimerStore(tables, clock).ScheduleAsync(Timer("RR-TAM-2026-0001:returns:due", Now.AddMinutes(30)));

        clock.Advance(TimeSpan.FromMinutes(29));
        var early = await Pump(tables, clock, handler).RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var onTime = await Pump(tables, clock, handler).RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, early);
        Assert.Equal(1, onTime);
    }

    [Fact]
    public async Task Scheduling_the_same_timer_again_moves_it_rather_than_adding_a_second()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        var handler = new CountingHandler();
        await store.ScheduleAsync(Timer("RR-SAL-2026-0001:meeting:reminder", Now.AddHours(1)));
        await store.ScheduleAsync(Timer("RR-SAL-2026-0001:meeting:reminder", Now.AddDays(2)));

        clock.Advance(TimeSpan.FromHours(3));
        await Pump(tables, clock, handler).RunOnceAsync(CancellationToken.None);
        Assert.Empty(handler.Fired);

        clock.Advance(TimeSpan.FromDays(2));
        await Pump(tables, clock, handler).RunOnceAsync(CancellationToken.None);
        Assert.Single(handler.Fired);
    }

    [Fact]
    public async Task A_timer_whose_handler_failed_fires_again_once_its_lease_runs_out()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var handler = new CountingHandler { FailuresLeft = 1 };
        var pump = Pump(tables, clock, handler);
        await new DurableTimerStore(tables, clock).ScheduleAsync(Timer("RR-WM-2026-0001:signoff:escalation", Now));

        await pump.RunOnceAsync(CancellationToken.None);
        await pump.RunOnceAsync(CancellationToken.None);
        Assert.Empty(handler.Fired);

        clock.Advance(TimeSpan.FromMinutes(3));
        await pump.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["RR-WM-2026-0001:signoff:escalation"], handler.Fired);
        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task A_cancelled_timer_never_fires()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        var handler = new CountingHandler();
        await store.ScheduleAsync(Timer("RR-GLO-2026-0001:submission:reminder", Now.AddHours(1)));

        Assert.True(await store.CancelAsync("RR-GLO-2026-0001", "RR-GLO-2026-0001:submission:reminder"));
        clock.Advance(TimeSpan.FromHours(2));
        await Pump(tables, clock, handler).RunOnceAsync(CancellationToken.None);

        Assert.Empty(handler.Fired);
    }

    [Fact]
    public async Task The_next_due_time_is_the_earliest_waiting_timer_and_none_when_nothing_waits()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        Assert.Null(await store.NextDueAtAsync());

        await store.ScheduleAsync(Timer("RR-OLD-2026-0002:returns:due", Now.AddDays(3)));
        await store.ScheduleAsync(Timer("RR-OLD-2026-0002:decision:due", Now.AddHours(5)));
        Assert.Equal(Now.AddHours(5), await store.NextDueAtAsync());

        clock.Advance(TimeSpan.FromHours(6));
        await Pump(tables, clock, new CountingHandler()).RunOnceAsync(CancellationToken.None);
        Assert.Equal(Now.AddDays(3), await store.NextDueAtAsync());
    }

    [Fact]
    public async Task A_timer_id_with_characters_a_row_key_cannot_hold_is_refused()
    {
        var store = new DurableTimerStore(azurite.CreateTables(), new FakeTimeProvider(Now));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ScheduleAsync(Timer("case/7#reminder", Now)));

        Assert.Contains("case/7#reminder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timer_that_always_fails_is_set_aside_after_its_attempts_and_the_business_managers_are_told()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        var handler = new CountingHandler { FailuresLeft = int.MaxValue };
        var alerts = new RecordedAlerts();
        var pump = Pump(tables, clock, handler, alerts, maxAttempts: 3);
        await store.ScheduleAsync(Timer("RR-OLD-2026-0009:requests:collate", Now));

        for (var lease = 0; lease < 10; lease++)
        {
            await pump.RunOnceAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(3));
        }

        Assert.Equal(3, handler.Attempts);
        Assert.Null(await store.FindAsync("RR-OLD-2026-0009:requests:collate"));
        Assert.Null(await store.NextDueAtAsync());
        var dead = Assert.Single(await store.DeadLettersAsync());
        Assert.Equal("RR-OLD-2026-0009:requests:collate", dead.Timer.Id);
        Assert.Equal(3, dead.Attempts);
        Assert.Contains("failed 3 times", dead.Reason, StringComparison.Ordinal);
        var told = Assert.Single(alerts.Sentences);
        Assert.Contains("set aside", told, StringComparison.Ordinal);
        Assert.Contains("RR-OLD-2026-0009", told, StringComparison.Ordinal);
        Assert.DoesNotContain("Simulated failure", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timer_whose_instance_keeps_dying_while_it_runs_is_set_aside_without_running_again()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        await store.ScheduleAsync(Timer("RR-OLD-2026-0010:decision:due", Now));

        // Three instances claim it and die before finishing (their leases run out).
        for (var crash = 0; crash < 3; crash++)
        {
            Assert.Single(await store.ClaimDueAsync("dying-" + crash, TimeSpan.FromMinutes(2), 10));
            clock.Advance(TimeSpan.FromMinutes(3));
        }

        var handler = new CountingHandler();
        var alerts = new RecordedAlerts();
        await Pump(tables, clock, handler, alerts, maxAttempts: 3).RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, handler.Attempts);
        Assert.Contains("started 3 times without finishing", Assert.Single(await store.DeadLettersAsync()).Reason, StringComparison.Ordinal);
        Assert.Single(alerts.Sentences);
    }

    [Fact]
    public async Task A_timer_rewritten_while_it_runs_stays_with_its_holder_and_is_free_to_fire_at_its_new_time_once_the_holder_finishes()
    {
        const string id = "RR-WM-2026-0002:afterwards";
        var clock = new FakeTimeProvider(Now);
        var store = new DurableTimerStore(azurite.CreateTables(), clock);
        var lease = TimeSpan.FromMinutes(2);
        await store.ScheduleAsync(Timer(id, Now));
        var held = Assert.Single(await store.ClaimDueAsync("first", lease, 10));

        // While the first instance runs it, the case's timers are reconciled and the timer moves (due at once).
        clock.Advance(TimeSpan.FromSeconds(30));
        await store.ScheduleAsync(Timer(id, clock.GetUtcNow()));
        Assert.Empty(await store.ClaimDueAsync("second", lease, 10));

        // The holder finishes: the rewritten timer is not removed, and fires at its new time without waiting out the lease.
        Assert.False(await store.CompleteAsync(held));
        var next = Assert.Single(await store.ClaimDueAsync("second", lease, 10));
        Assert.Equal(Now.AddSeconds(30), next.Timer.DueAt);
        Assert.Equal(1, next.Attempt);
    }

    private static DurableTimer Timer(string id, DateTimeOffset due) => new(id, CountingHandler.TimerKind, id.Split(':')[0], due, "{}");

    private static TimerPump Pump(StorageTables tables, FakeTimeProvider clock, ITimerHandler handler, RecordedAlerts? alerts = null, int maxAttempts = 5) => new(
        new DurableTimerStore(tables, clock),
        [handler],
        Options.Create(new TimerPumpOptions { Lease = TimeSpan.FromMinutes(2), MaxAttempts = maxAttempts }),
        alerts ?? new RecordedAlerts(),
        clock,
        NullLogger<TimerPump>.Instance);

    private sealed class CountingHandler : ITimerHandler
    {
        public const string TimerKind = "test";
        private int _attempts;

        public string Kind => TimerKind;

        public ConcurrentQueue<string> Fired { get; } = new();

        public int FailuresLeft { get; set; }

        public int Attempts => _attempts;

        public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            await Task.Yield();
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("Simulated failure.");
            }

            Fired.Enqueue(timer.Id);
        }
    }
}
