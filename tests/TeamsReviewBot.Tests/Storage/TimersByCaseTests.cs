using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>Timers kept in their case's partition: changed a case at a time, whatever else is stored.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TimersByCaseTests(AzuriteFixture azurite)
{
    private const string Case = "RR-OLD-2026-0042";
    private const string Kind = "test";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public async Task Changing_a_case_s_timers_costs_one_query_and_two_transactions_however_many_timers_are_stored(int storedElsewhere)
    {
        var counting = new CountingPolicy();
        var (tables, clock) = Counted(counting);
        var store = new DurableTimerStore(tables, clock);
        // Five timers a case for other cases, a few cases at a time.
        foreach (var cases in Enumerable.Range(1, storedElsewhere / 5).Chunk(8))
        {
            await Task.WhenAll(cases.Select(c => store.ChangeAsync(
                $"RR-SAL-2026-{c:D4}",
                [.. Enumerable.Range(0, 5).Select(k => Timer($"RR-SAL-2026-{c:D4}", $"reminder-{k}", Now.AddDays(1).AddMinutes(k)))],
                [])));
        }

        await store.ChangeAsync(Case, [Timer(Case, "a", Now.AddHours(1)), Timer(Case, "b", Now.AddHours(2)), Timer(Case, "c", Now.AddHours(3))], []);

        var before = counting.Calls;
        await store.ChangeAsync(Case, [Timer(Case, "d", Now.AddHours(4)), Timer(Case, "a", Now.AddHours(5))], [$"{Case}:b", $"{Case}:c", $"{Case}:gone"]);

        Assert.Equal(3, counting.Calls - before);
        var left = (await store.ReadAsync(Case)).Timers.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.Equal([$"{Case}:a", $"{Case}:d"], left.Select(t => t.Id));
        Assert.Equal(Now.AddHours(5), left[0].DueAt);
    }

    [Fact]
    public async Task More_than_a_transaction_holds_is_split_and_every_timer_fires()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        var many = Enumerable.Range(0, 150).Select(i => Timer(Case, $"t{i:D3}", Now.AddMinutes(1))).ToList();

        await store.ChangeAsync(Case, many, []);
        clock.Advance(TimeSpan.FromMinutes(2));
        var fired = new List<string>();
        var pump = Pump(tables, clock, fired, batch: 200);
        await pump.RunOnceAsync(CancellationToken.None);

        Assert.Equal(150, fired.Count);
        Assert.Empty((await store.ReadAsync(Case)).Timers);
    }

    [Fact]
    public async Task A_moved_timer_fires_once_at_its_new_time_and_its_old_index_row_is_discarded()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        var fired = new List<string>();
        await store.ScheduleAsync(Timer(Case, "decision", Now.AddHours(1)));
        await store.ScheduleAsync(Timer(Case, "decision", Now.AddHours(3)));

        clock.Advance(TimeSpan.FromHours(2));
        await Pump(tables, clock, fired).RunOnceAsync(CancellationToken.None);
        Assert.Empty(fired);
        Assert.Equal(Now.AddHours(3), await store.NextDueAtAsync());

        clock.Advance(TimeSpan.FromHours(2));
        await Pump(tables, clock, fired).RunOnceAsync(CancellationToken.None);
        await Pump(tables, clock, fired).RunOnceAsync(CancellationToken.None);
        Assert.Equal([$"{Case}:decision"], fired);
        Assert.Empty(await IndexRowsAsync(tables));
    }

    [Fact]
    public async Task A_cancelled_timer_s_index_row_is_discarded_when_the_pump_reaches_it()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var store = new DurableTimerStore(tables, clock);
        var fired = new List<string>();
        await store.ScheduleAsync(Timer(Case, "chaser", Now.AddHours(1)));
        await store.ChangeAsync(Case, [], [$"{Case}:chaser"]);

        clock.Advance(TimeSpan.FromHours(2));
        await Pump(tables, clock, fired).RunOnceAsync(CancellationToken.None);

        Assert.Empty(fired);
        Assert.Null(await store.FindAsync(Case, $"{Case}:chaser"));
        Assert.Empty(await IndexRowsAsync(tables));
    }

    [Fact]
    public async Task Two_changes_from_the_same_read_of_a_note_cannot_both_win()
    {
        var store = new DurableTimerStore(azurite.CreateTables(), new FakeTimeProvider(Now));
        var read = await store.ReadAsync(Case);

        Assert.True(await store.ApplyAsync(Case, [Timer(Case, "first", Now.AddHours(1))], [], new NoteChange("v1", read.Note?.ETag)));
        Assert.False(await store.ApplyAsync(Case, [Timer(Case, "second", Now.AddHours(1))], [], new NoteChange("v1", read.Note?.ETag)));

        var now = await store.ReadAsync(Case);
        Assert.Equal("v1", now.Note!.Text);
        Assert.True(await store.ApplyAsync(Case, [], [$"{Case}:first"], new NoteChange("v2", now.Note.ETag)));
        Assert.Equal("v2", (await store.ReadAsync(Case)).Note!.Text);
    }

    [Fact]
    public async Task A_stream_name_a_partition_cannot_hold_is_refused()
    {
        var store = new DurableTimerStore(azurite.CreateTables(), new FakeTimeProvider(Now));

        await Assert.ThrowsAsync<ArgumentException>(() => store.ScheduleAsync(new DurableTimer("x", Kind, "~due", Now, "{}")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ScheduleAsync(new DurableTimer("x", Kind, "timers", Now, "{}")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ChangeAsync(Case, [new DurableTimer("x", Kind, "RR-OLD-2026-0001", Now, "{}")], []));
    }

    [Fact]
    public async Task Timers_stored_the_old_way_are_moved_once_and_fire_after_a_restart()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var table = await tables.GetAsync(tables.Names.Timers);
        await WriteOldAsync(table, Timer(Case, "reminder", Now.AddHours(1)), attempts: 0);
        await WriteOldAsync(table, new DurableTimer("digest:2026-11-24", Kind, "morning-digest", Now.AddDays(1), "{}"), attempts: 2);
        await table.AddEntityAsync(new TableEntity("timers", "dead|RR-OLD-2026-0001:broken|" + Ticks(Now.AddDays(-1)))
        {
            ["TimerId"] = "RR-OLD-2026-0001:broken", ["Kind"] = Kind, ["StreamId"] = "RR-OLD-2026-0001", ["DueAt"] = Now.AddDays(-2), ["Payload"] = "{}",
            ["Attempts"] = 5, ["Reason"] = "It failed 5 times.", ["DeadAt"] = Now.AddDays(-1),
        });

        // The restarted bot moves them at start-up, once.
        var migration = new TimerLayoutMigration(tables, clock);
        Assert.Equal(3, await migration.RunAsync(CancellationToken.None));
        Assert.Equal(0, await migration.RunAsync(CancellationToken.None));

        var store = new DurableTimerStore(tables, clock);
        Assert.Equal(Now.AddHours(1), (await store.FindAsync(Case, $"{Case}:reminder"))!.DueAt);
        Assert.Equal("It failed 5 times.", Assert.Single(await store.DeadLettersAsync()).Reason);
        Assert.Empty(table.Query<TableEntity>(e => e.PartitionKey == "timers"));

        var fired = new List<string>();
        clock.Advance(TimeSpan.FromDays(2));
        var claimed = await store.ClaimDueAsync("after-restart", TimeSpan.FromMinutes(2), 10);
        Assert.Equal(3, claimed.Single(c => c.Timer.StreamId == "morning-digest").Attempt);
        clock.Advance(TimeSpan.FromMinutes(3));
        await Pump(tables, clock, fired).RunOnceAsync(CancellationToken.None);
        Assert.Equal([$"{Case}:reminder", "digest:2026-11-24"], fired.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_move_stopped_part_way_finishes_on_the_next_start_and_keeps_a_timer_scheduled_again_since()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var table = await tables.GetAsync(tables.Names.Timers);
        var store = new DurableTimerStore(tables, clock);
        await WriteOldAsync(table, Timer(Case, "reminder", Now.AddHours(1)), attempts: 0);

        // The new version scheduled it again (later) before the old rows were moved.
        await store.ScheduleAsync(Timer(Case, "reminder", Now.AddHours(6)));
        await new TimerLayoutMigration(tables, clock).RunAsync(CancellationToken.None);

        Assert.Equal(Now.AddHours(6), (await store.FindAsync(Case, $"{Case}:reminder"))!.DueAt);
        var fired = new List<string>();
        clock.Advance(TimeSpan.FromHours(2));
        await Pump(tables, clock, fired).RunOnceAsync(CancellationToken.None);
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromHours(5));
        await Pump(tables, clock, fired).RunOnceAsync(CancellationToken.None);
        Assert.Equal([$"{Case}:reminder"], fired);
    }

    private static async Task WriteOldAsync(TableClient table, DurableTimer timer, int attempts)
    {
        var dueKey = "due|" + Ticks(timer.DueAt) + "|" + timer.Id;
        await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("timers", dueKey)
            {
                ["TimerId"] = timer.Id, ["Kind"] = timer.Kind, ["StreamId"] = timer.StreamId, ["DueAt"] = timer.DueAt, ["Payload"] = timer.Payload, ["Attempts"] = attempts,
            }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("timers", "id|" + timer.Id) { ["DueKey"] = dueKey }),
        ]);
    }

    private static async Task<List<TableEntity>> IndexRowsAsync(StorageTables tables)
    {
        var table = await tables.GetAsync(tables.Names.Timers);
        return [.. table.Query<TableEntity>(e => e.PartitionKey == "~due")];
    }

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static DurableTimer Timer(string caseCode, string name, DateTimeOffset due) => new($"{caseCode}:{name}", Kind, caseCode, due, "{}");

    private (StorageTables Tables, FakeTimeProvider Clock) Counted(CountingPolicy counting)
    {
        var options = new TableClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(30) } };
        options.AddPolicy(counting, HttpPipelinePosition.PerRetry);
        return (new StorageTables(new TableServiceClient(azurite.ConnectionString, options), new TableNames(AzuriteFixture.NewPrefix())), new FakeTimeProvider(Now));
    }

    private static TimerPump Pump(StorageTables tables, FakeTimeProvider clock, List<string> fired, int batch = 50) => new(
        new DurableTimerStore(tables, clock),
        [new RecordingHandler(fired)],
        Options.Create(new TimerPumpOptions { Lease = TimeSpan.FromMinutes(2), BatchSize = batch }),
        new RecordedAlerts(),
        clock,
        NullLogger<TimerPump>.Instance);

    private sealed class RecordingHandler(List<string> fired) : ITimerHandler
    {
        public string Kind => TimersByCaseTests.Kind;

        public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
        {
            lock (fired)
            {
                fired.Add(timer.Id);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Counts every request the storage client sends.</summary>
    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _calls);
    }
}
