using System.Globalization;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>
/// The views of case streams held in memory are bounded, so the bot's memory follows the cases in
/// use rather than every case ever opened, and a case whose view was dropped is still whole when used again.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AggregateStoreCapacityTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Opening_more_cases_than_it_holds_keeps_the_store_within_its_bound_and_the_recent_cases_in_memory()
    {
        var events = new CountingReads(new TableCaseEventStore(azurite.CreateTables()));
        var store = new AggregateStore<IReadOnlyList<string>>(events, new EventNames(), capacity: 20);

        for (var n = 1; n <= 60; n++)
        {
            await store.ExecuteAsync(Code(n), _ => [Event("referred")]);
            Assert.InRange(store.HeldStreams, 1, 20);
        }

        // The case used last is served from memory: a click on it reads nothing from storage.
        var before = events.FullReads;
        var outcome = await store.ExecuteAsync(Code(60), _ => [Event("vote")]);
        Assert.Equal(before, events.FullReads);
        Assert.Equal(["referred", "vote"], outcome.Current.State);
    }

    [Fact]
    public async Task A_case_dropped_from_memory_is_read_again_in_full_and_decides_on_its_whole_stream()
    {
        var events = new CountingReads(new TableCaseEventStore(azurite.CreateTables()));
        var store = new AggregateStore<IReadOnlyList<string>>(events, new EventNames(), capacity: 10);
        await store.ExecuteAsync(Code(1), _ => [Event("referred"), Event("vote-police")]);
        for (var n = 2; n <= 30; n++)
        {
            await store.ExecuteAsync(Code(n), _ => [Event("referred")]);
        }

        var before = events.FullReads;
        IReadOnlyList<string>? seen = null;
        var outcome = await store.ExecuteAsync(Code(1), state =>
        {
            seen = state;
            return [Event("vote-health")];
        });

        Assert.Equal(before + 1, events.FullReads);
        Assert.Equal(["referred", "vote-police"], seen);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(3, outcome.Appended.Single().Sequence);
    }

    [Fact]
    public void A_store_that_could_hold_nothing_is_refused()
    {
        var events = new TableCaseEventStore(azurite.CreateTables());
        Assert.Throws<ArgumentOutOfRangeException>(() => new AggregateStore<IReadOnlyList<string>>(events, new EventNames(), capacity: 0));
    }

    private static string Code(int n) => "RR-OLD-2026-" + n.ToString("D4", CultureInfo.InvariantCulture);

    private static NewEvent Event(string type) => new(type, "{}", At);

    /// <summary>Counts the reads of a whole stream (from its start), which a view held in memory saves.</summary>
    private sealed class CountingReads(ICaseEventStore inner) : ICaseEventStore
    {
        private int _fullReads;

        public int FullReads => Volatile.Read(ref _fullReads);

        public Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterSequence = 0, CancellationToken cancellationToken = default)
        {
            if (afterSequence == 0)
            {
                Interlocked.Increment(ref _fullReads);
            }

            return inner.ReadAsync(streamId, afterSequence, cancellationToken);
        }

        public Task<IReadOnlyList<StoredEvent>> AppendAsync(string streamId, long expectedLastSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(streamId, expectedLastSequence, events, cancellationToken);
    }
}
