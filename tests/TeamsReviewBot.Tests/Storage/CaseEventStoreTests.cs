using System.Collections.Concurrent;
using System.Globalization;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class CaseEventStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Twenty_concurrent_appends_to_one_case_all_land_in_one_gap_free_order()
    {
        var tables = azurite.CreateTables();
        var caseId = "RR-OLD-2026-0001";

        // Each writer has its own store, as separate service instances would.
        var writers = Enumerable.Range(1, 20).Select(n => Task.Run(async () =>
        {
            var store = new AggregateStore<IReadOnlyList<string>>(new TableCaseEventStore(tables), new EventNames());
            await store.ExecuteAsync(caseId, _ => [Event($"vote-{n}")]);
        }));
        await Task.WhenAll(writers);

        var stream = await new TableCaseEventStore(tables).ReadAsync(caseId);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), stream.Select(e => e.Sequence));
        Assert.Equal(
            Enumerable.Range(1, 20).Select(n => $"vote-{n}").Order(StringComparer.Ordinal),
            stream.Select(e => e.Type).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_writer_holding_a_stale_view_retries_and_its_event_lands_after_the_others()
    {
        var tables = azurite.CreateTables();
        var caseId = "RR-TAM-2026-0002";
        var stale = new AggregateStore<IReadOnlyList<string>>(new TableCaseEventStore(tables), new EventNames());
        var other = new AggregateStore<IReadOnlyList<string>>(new TableCaseEventStore(tables), new EventNames());
        await stale.LoadAsync(caseId);

        await other.ExecuteAsync(caseId, _ => [Event("referred"), Event("vote-police")]);
        await other.ExecuteAsync(caseId, _ => [Event("vote-health")]);

        var seenByDecision = new ConcurrentQueue<int>();
        var outcome = await stale.ExecuteAsync(caseId, history =>
        {
            seenByDecision.Enqueue(history.Count);
            return [Event("vote-local-authority")];
        });

        Assert.Equal(2, outcome.Attempts);
        Assert.Equal([0, 3], seenByDecision);
        Assert.Equal(4, outcome.Appended.Single().Sequence);
        var stream = await new TableCaseEventStore(tables).ReadAsync(caseId);
        Assert.Equal(["referred", "vote-police", "vote-health", "vote-local-authority"], stream.Select(e => e.Type));
    }

    [Fact]
    public async Task An_append_at_a_taken_sequence_is_refused_and_the_first_event_is_kept()
    {
        var store = new TableCaseEventStore(azurite.CreateTables());
        await store.AppendAsync("RR-SAL-2026-0003", 0, [Event("first")]);

        var conflict = await Assert.ThrowsAsync<StreamConflictException>(() => store.AppendAsync("RR-SAL-2026-0003", 0, [Event("second")]));

        Assert.Equal(0, conflict.ExpectedLastSequence);
        var stream = await store.ReadAsync("RR-SAL-2026-0003");
        Assert.Equal("first", Assert.Single(stream).Type);
    }

    [Fact]
    public async Task Several_events_append_together_or_not_at_all()
    {
        var store = new TableCaseEventStore(azurite.CreateTables());
        await store.AppendAsync("RR-WM-2026-0004", 0, [Event("a"), Event("b")]);

        // Sequence 3 is free but 2 is not: the whole batch must fail and leave nothing behind.
        await Assert.ThrowsAsync<StreamConflictException>(() => store.AppendAsync("RR-WM-2026-0004", 1, [Event("c"), Event("d")]));

        var stream = await store.ReadAsync("RR-WM-2026-0004");
        Assert.Equal(["a", "b"], stream.Select(e => e.Type));
    }

    [Fact]
    public async Task Reading_after_a_sequence_returns_only_the_newer_events()
    {
        var store = new TableCaseEventStore(azurite.CreateTables());
        for (var i = 0; i < 12; i++)
        {
            await store.AppendAsync("RR-GLO-2026-0005", i, [Event("e" + i.ToString(CultureInfo.InvariantCulture))]);
        }

        var newer = await store.ReadAsync("RR-GLO-2026-0005", afterSequence: 9);

        Assert.Equal([10L, 11L, 12L], newer.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_event_larger_than_a_table_property_is_kept_in_Blob_Storage_and_read_back_whole_with_its_neighbours()
    {
        var tables = azurite.CreateTables();
        var store = new TableCaseEventStore(tables, azurite.CreatePayloads(tables));
        var large = "{\"text\":\"" + new string('x', 100_000) + "\"}";

        await store.AppendAsync("RR-OLD-2026-0007", 0, [Event("opened"), new NewEvent("referral", large, At), Event("after")]);

        var stream = await store.ReadAsync("RR-OLD-2026-0007");
        Assert.Equal(["opened", "referral", "after"], stream.Select(e => e.Type));
        Assert.Equal(large, stream[1].Data);
        // The row itself holds a reference, not the text.
        var row = (await tables.GetAsync(tables.Names.CaseEvents)).GetEntity<Azure.Data.Tables.TableEntity>("RR-OLD-2026-0007", TableCaseEventStore.RowKeyOf(2)).Value;
        Assert.Null(row.GetString("Data"));
        Assert.StartsWith("events/RR-OLD-2026-0007/", row.GetString("DataBlob"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_too_large_for_a_table_row_is_refused_before_anything_is_written_where_no_blob_store_is_given()
    {
        var store = new TableCaseEventStore(azurite.CreateTables());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("RR-OLD-2026-0006", 0, [new NewEvent("huge", new string('x', 40_000), At)]));

        Assert.Contains("huge", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAsync("RR-OLD-2026-0006"));
    }

    private static NewEvent Event(string type) => new(type, "{}", At);

    /// <summary>The simplest fold: the list of event types so far.</summary>
    private sealed class EventNames : IStreamFold<IReadOnlyList<string>>
    {
        public IReadOnlyList<string> Initial(string streamId) => [];

        public IReadOnlyList<string> Apply(IReadOnlyList<string> state, StoredEvent stored) => [.. state, stored.Type];
    }
}
