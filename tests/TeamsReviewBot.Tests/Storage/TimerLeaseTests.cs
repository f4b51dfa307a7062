using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>A timer claimed in a batch is fired only while its claim still holds.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TimerLeaseTests(AzuriteFixture azurite)
{
    private const string Kind = "lease-test";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_timer_whose_lease_ran_out_while_a_slow_batch_ran_is_fired_once_by_the_instance_that_took_it_over()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        await store.ScheduleAsync(new DurableTimer("RR-OLD-2026-0001:slow", Kind, "RR-OLD-2026-0001", Now.AddMinutes(1), "{}"));
        await store.ScheduleAsync(new DurableTimer("RR-OLD-2026-0002:chaser", Kind, "RR-OLD-2026-0002", Now.AddMinutes(2), "{}"));
        clock.Advance(TimeSpan.FromMinutes(5));

        var other = new RecordingHandler();
        var otherPump = Pump(tables, clock, other);
        var slow = new RecordingHandler
        {
            // The first timer of the batch takes longer than the lease; meanwhile the other instance polls.
            OnFire = async id =>
            {
                if (id.EndsWith(":slow", StringComparison.Ordinal))
                {
                    clock.Advance(Lease + TimeSpan.FromSeconds(1));
                    await otherPump.RunOnceAsync(CancellationToken.None);
                }
            },
        };
        await Pump(tables, clock, slow).RunOnceAsync(CancellationToken.None);

        var fired = slow.Fired.Concat(other.Fired).Where(id => id == "RR-OLD-2026-0002:chaser").ToList();
        Assert.Single(fired);
        Assert.DoesNotContain("RR-OLD-2026-0002:chaser", slow.Fired);
    }

    [Fact]
    public async Task A_spent_timer_taken_over_while_a_slow_batch_ran_is_set_aside_and_told_once()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        await store.ScheduleAsync(new DurableTimer("RR-OLD-2026-0004:spent", Kind, "RR-OLD-2026-0004", Now.AddMinutes(2), "{}"));
        clock.Advance(TimeSpan.FromMinutes(5));

        // Its instances died twice while it ran: its next claim is past the limit.
        for (var crash = 0; crash < 2; crash++)
        {
            Assert.Single(await store.ClaimDueAsync("dying-" + crash, Lease, 10));
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        // A sound timer due before it comes first in the next batch, and runs longer than the lease.
        await store.ScheduleAsync(new DurableTimer("RR-OLD-2026-0003:slow", Kind, "RR-OLD-2026-0003", Now.AddMinutes(1), "{}"));

        var alerts = new TeamsReviewBot.Tests.Workflows.Cases.RecordedAlerts();
        var otherPump = Pump(tables, clock, new RecordingHandler(), alerts, maxAttempts: 2);
        var slow = new RecordingHandler
        {
            OnFire = async id =>
            {
                if (id.EndsWith(":slow", StringComparison.Ordinal))
                {
                    clock.Advance(Lease + TimeSpan.FromSeconds(1));
                    await otherPump.RunOnceAsync(CancellationToken.None);
                }
            },
        };
        await Pump(tables, clock, slow, alerts, maxAttempts: 2).RunOnceAsync(CancellationToken.None);

        Assert.Single(await store.DeadLettersAsync());
        Assert.Single(alerts.Sentences);
    }

    [Fact]
    public async Task A_claim_taken_over_by_another_instance_cannot_be_renewed_by_its_first_holder()
    {
        var clock = new FakeTimeProvider(Now);
        var store = new DurableTimerStore(azurite.CreateTables(), clock);
        await store.ScheduleAsync(new DurableTimer("RR-TAM-2026-0001:returns:due", Kind, "RR-TAM-2026-0001", Now, "{}"));

        var first = Assert.Single(await store.ClaimDueAsync("instance-a", Lease, 10));
        Assert.NotNull(await store.RenewAsync(first, Lease));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Single(await store.ClaimDueAsync("instance-b", Lease, 10));

        Assert.Null(await store.RenewAsync(first, Lease));
    }

    [Fact]
    public async Task A_timer_rewritten_after_its_batch_was_claimed_fires_at_its_new_time_without_waiting_out_the_lease()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        const string answers = "meeting-event:0001";
        await store.ScheduleAsync(new DurableTimer("RR-SAL-2026-0001:first", Kind, "RR-SAL-2026-0001", Now, "{}"));
        await store.ScheduleAsync(new DurableTimer(answers, Kind, "meeting-calendar", Now.AddSeconds(1), "{}"));
        clock.Advance(TimeSpan.FromSeconds(2));

        // While the batch's first timer runs, Graph tells of another answer to the same event: the
        // second timer, already claimed in this batch, is written again, due at once.
        var handler = new RecordingHandler
        {
            OnFire = async id =>
            {
                if (id == "RR-SAL-2026-0001:first")
                {
                    clock.Advance(TimeSpan.FromSeconds(1));
                    await store.ScheduleAsync(new DurableTimer(answers, Kind, "meeting-calendar", clock.GetUtcNow(), "{}"));
                }
            },
        };
        var pump = Pump(tables, clock, handler);
        await pump.RunOnceAsync(CancellationToken.None);
        Assert.DoesNotContain(answers, handler.Fired);

        // The next pass, well inside the two-minute lease the batch took, fires it once.
        clock.Advance(TimeSpan.FromSeconds(1));
        await pump.RunOnceAsync(CancellationToken.None);
        Assert.Single(handler.Fired, id => id == answers);
        Assert.Null(await store.FindAsync("meeting-calendar", answers));
    }

    [Fact]
    public async Task A_claim_stored_but_whose_answer_was_lost_is_still_the_claimants_and_fires_now()
    {
        var clock = new FakeTimeProvider(Now);
        var faults = new StorageFaults();
        var prefix = AzuriteFixture.NewPrefix();
        var store = new DurableTimerStore(faults.Tables(azurite.ConnectionString, prefix), clock);
        await store.ScheduleAsync(new DurableTimer("RR-TAM-2026-0002:returns:due", Kind, "RR-TAM-2026-0002", Now, "{}"));

        // The claim's write is stored, its answer lost; the table client's retry meets it (412).
        faults.LoseNextAnswer(m => StorageFaults.Writes(m, Azure.Core.RequestMethod.Put, "Timers"));
        var claim = Assert.Single(await store.ClaimDueAsync("instance-a", Lease, 10));
        Assert.Equal(1, faults.Fired);
        Assert.Equal("RR-TAM-2026-0002:returns:due", claim.Timer.Id);

        // It is this instance's to fire now, not in two minutes, and no one else's.
        Assert.Empty(await new DurableTimerStore(azurite.CreateTables(prefix), clock).ClaimDueAsync("instance-b", Lease, 10));
        var held = await store.RenewAsync(claim, Lease);
        Assert.NotNull(held);
        Assert.True(await store.CompleteAsync(held));
        Assert.Null(await store.FindAsync("RR-TAM-2026-0002", "RR-TAM-2026-0002:returns:due"));
    }

    [Fact]
    public async Task Giving_up_a_rewritten_claim_leaves_a_timer_another_claim_holds_now()
    {
        var clock = new FakeTimeProvider(Now);
        var store = new DurableTimerStore(azurite.CreateTables(), clock);
        await store.ScheduleAsync(new DurableTimer("RR-GLO-2026-0001:returns:due", Kind, "RR-GLO-2026-0001", Now, "{}"));
        var stale = Assert.Single(await store.ClaimDueAsync("instance-a", Lease, 10));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Single(await store.ClaimDueAsync("instance-a", Lease, 10));

        // The first claim's holder gives up what it thinks was rewritten: the newer claim still holds.
        await store.RenewAsync(stale, Lease);
        Assert.Empty(await store.ClaimDueAsync("instance-b", Lease, 10));
    }

    private static TimerPump Pump(StorageTables tables, FakeTimeProvider clock, RecordingHandler handler, TeamsReviewBot.Tests.Workflows.Cases.RecordedAlerts? alerts = null, int maxAttempts = 5) => new(
        new DurableTimerStore(tables, clock),
        [handler],
        Options.Create(new TimerPumpOptions { Lease = Lease, MaxAttempts = maxAttempts }),
        alerts ?? new TeamsReviewBot.Tests.Workflows.Cases.RecordedAlerts(),
        clock,
        NullLogger<TimerPump>.Instance);

    private sealed class RecordingHandler : ITimerHandler
    {
        public string Kind => TimerLeaseTests.Kind;

        public ConcurrentQueue<string> Fired { get; } = new();

        public Func<string, Task>? OnFire { get; init; }

        public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
        {
            Fired.Enqueue(timer.Id);
            if (OnFire is not null)
            {
                await OnFire(timer.Id);
            }
        }
    }
}
