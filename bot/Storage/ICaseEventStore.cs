using TeamsReviewBot.Process.Streams;
namespace TeamsReviewBot.Storage;

/// <summary>Append-only event streams, one per case.</summary>
public interface ICaseEventStore
{
    /// <summary>Reads the events after <paramref name="afterSequence"/> in order (0 reads the whole stream).</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(string streamId, long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>Appends <paramref name="events"/> as sequences expectedLastSequence+1, +2, … atomically.
    /// Throws <see cref="StreamConflictException"/> when another writer got there first.</summary>
    Task<IReadOnlyList<StoredEvent>> AppendAsync(string streamId, long expectedLastSequence, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default);
}
