using System.Collections.Concurrent;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Storage;

/// <summary>The state of a stream as of a sequence number.</summary>
public sealed record Versioned<TState>(TState State, long Version);

/// <summary>
/// Loads, decides and appends for one stream at a time (this instance's appends to a stream take
/// turns, <see cref="StreamGates"/>). State is served from memory and only the
/// events written since are read; the append itself checks the view is current (a stale view
/// collides on the row key, reloads the missing events and decides again). So a card click costs
/// one table write in the common case, and several instances of the service stay correct.
/// The views held are bounded (<see cref="AggregateStoreCapacity.Default"/>): the streams least recently used are
/// dropped first, and a dropped stream is read again in full the next time it is used, so memory
/// follows the cases people are working on, not every case ever opened.
/// </summary>
public sealed class AggregateStore<TState>(ICaseEventStore stream, IStreamFold<TState> fold, int capacity = AggregateStoreCapacity.Default)
{
    private const int MaxAttempts = 50;
    private readonly ConcurrentDictionary<string, Held> _cache = new(StringComparer.Ordinal);
    private readonly int _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "At least one stream's view must be held.");
    private readonly StreamGates _gates = new();
    private long _clock;
    private int _trimming;

    /// <summary>How many streams' views are held now.</summary>
    public int HeldStreams => _cache.Count;

    public async Task<Versioned<TState>> LoadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var known = TryHeld(streamId) ?? new Versioned<TState>(fold.Initial(streamId), 0);
        var current = await CatchUpAsync(streamId, known, cancellationToken).ConfigureAwait(false);
        Remember(streamId, current);
        return current;
    }

    /// <summary>The state as this instance last saw it; read from the stream only when not seen yet.</summary>
    public async Task<Versioned<TState>> CurrentAsync(string streamId, CancellationToken cancellationToken = default) =>
        TryHeld(streamId) ?? await LoadAsync(streamId, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs <paramref name="decide"/> on the latest state and appends what it returns. When another
    /// writer got there first the missing events are folded in and <paramref name="decide"/> runs
    /// again, so its answer always rests on the whole stream. An empty answer appends nothing.
    /// </summary>
    public Task<AppendOutcome<TState>> ExecuteAsync(
        string streamId,
        Func<TState, IReadOnlyList<NewEvent>> decide,
        CancellationToken cancellationToken = default) => ExecuteAsync(streamId, decide, null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="beforeAppend"/> sees the events about to be written, before they
    /// are, so a consequence that must not be lost can be recorded durably first (it may then be
    /// recorded for events that lose a race and are decided again: its handler checks the stream).
    /// </summary>
    public async Task<AppendOutcome<TState>> ExecuteAsync(
        string streamId,
        Func<TState, IReadOnlyList<NewEvent>> decide,
        Func<IReadOnlyList<NewEvent>, CancellationToken, Task>? beforeAppend,
        CancellationToken cancellationToken = default)
    {
        using var turn = await _gates.EnterAsync(streamId, cancellationToken).ConfigureAwait(false);
        var view = await CurrentAsync(streamId, cancellationToken).ConfigureAwait(false);
        return await DecideAndAppendAsync(streamId, view, decide, beforeAppend, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// As <see cref="ExecuteAsync(string, Func{TState, IReadOnlyList{NewEvent}}, CancellationToken)"/> for a stream the caller
    /// has just made up a new id for (a case code handed out a moment ago): it is not read first, but
    /// decided on as empty. Should it exist after all (a retry after a crash), the append collides
    /// like any stale view, the events are read and <paramref name="decide"/> runs again on them.
    /// </summary>
    public async Task<AppendOutcome<TState>> StartAsync(string streamId, Func<TState, IReadOnlyList<NewEvent>> decide, CancellationToken cancellationToken = default)
    {
        using var turn = await _gates.EnterAsync(streamId, cancellationToken).ConfigureAwait(false);
        return await DecideAndAppendAsync(
            streamId,
            TryHeld(streamId) ?? new Versioned<TState>(fold.Initial(streamId), 0),
            decide,
            null,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AppendOutcome<TState>> DecideAndAppendAsync(
        string streamId,
        Versioned<TState> view,
        Func<TState, IReadOnlyList<NewEvent>> decide,
        Func<IReadOnlyList<NewEvent>, CancellationToken, Task>? beforeAppend,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var events = decide(view.State);
            if (events.Count == 0)
            {
                return new AppendOutcome<TState>(view, [], attempt);
            }

            if (beforeAppend is not null)
            {
                await beforeAppend(events, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var stored = await stream.AppendAsync(streamId, view.Version, events, cancellationToken).ConfigureAwait(false);
                var next = Fold(view, stored);
                Remember(streamId, next);
                return new AppendOutcome<TState>(next, stored, attempt);
            }
            catch (StreamConflictException) when (attempt < MaxAttempts)
            {
                view = await CatchUpAsync(streamId, view, cancellationToken).ConfigureAwait(false);
                Remember(streamId, view);
                await Task.Delay(Random.Shared.Next(0, 5 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Versioned<TState>> CatchUpAsync(string streamId, Versioned<TState> known, CancellationToken cancellationToken)
    {
        var newer = await stream.ReadAsync(streamId, known.Version, cancellationToken).ConfigureAwait(false);
        return Fold(known, newer);
    }

    private Versioned<TState> Fold(Versioned<TState> from, IReadOnlyList<StoredEvent> events)
    {
        var state = from.State;
        var version = from.Version;
        foreach (var e in events)
        {
            state = fold.Apply(state, e);
            version = e.Sequence;
        }

        return new Versioned<TState>(state, version);
    }

    private Versioned<TState>? TryHeld(string streamId)
    {
        if (!_cache.TryGetValue(streamId, out var held))
        {
            return null;
        }

        held.Touch(Interlocked.Increment(ref _clock));
        return held.View;
    }

    // Keep whichever view is newer: concurrent callers may finish out of order.
    private void Remember(string streamId, Versioned<TState> view)
    {
        var used = Interlocked.Increment(ref _clock);
        _cache.AddOrUpdate(
            streamId,
            _ => new Held(view, used),
            (_, existing) =>
            {
                if (existing.View.Version >= view.Version)
                {
                    existing.Touch(used);
                    return existing;
                }

                return new Held(view, used);
            });
        if (_cache.Count > _capacity)
        {
            Trim();
        }
    }

    // Drops the least recently used views down to nine tenths of the capacity, so trimming (a sort of
    // what is held) happens once per tenth of the capacity rather than on every new stream. One caller
    // trims at a time; the others go on (the bound is briefly exceeded, never lost).
    private void Trim()
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            var excess = _cache.Count - (_capacity - (_capacity / 10));
            if (excess <= 0)
            {
                return;
            }

            foreach (var (streamId, held) in _cache.ToArray().OrderBy(e => e.Value.LastUsed).Take(excess))
            {
                // Only the entry as seen: a view replaced meanwhile is newer and stays.
                _cache.TryRemove(new KeyValuePair<string, Held>(streamId, held));
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    /// <summary>A view held, with when it was last used (a counter, not a clock: only the order matters).</summary>
    private sealed class Held(Versioned<TState> view, long used)
    {
        private long _lastUsed = used;

        public Versioned<TState> View { get; } = view;

        public long LastUsed => Interlocked.Read(ref _lastUsed);

        public void Touch(long used) => Interlocked.Exchange(ref _lastUsed, used);
    }
}

/// <summary>How many streams' views an <see cref="AggregateStore{TState}"/> holds.</summary>
public static class AggregateStoreCapacity
{
    /// <summary>By default: well above the cases a partnership has open at once, so a click on a live
    /// case is served from memory, while the closed cases of years past are not held.</summary>
    public const int Default = 500;
}

/// <summary>The state after a decision, the events it appended, and how many tries it took.</summary>
public sealed record AppendOutcome<TState>(Versioned<TState> Current, IReadOnlyList<StoredEvent> Appended, int Attempts);
