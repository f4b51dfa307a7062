using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// Moves a case's requests from the "{case code}.requests" stream a previous version wrote onto the
/// case stream: each event as it was (type, data, original time), then a marker saying how far the
/// old stream is copied, all in one append. The marker is folded into the case, so running the copy
/// again adds only what is past it: nothing, once done.
/// </summary>
public static class RequestStreamCopy
{
    /// <summary>An append is one entity-group transaction of at most 100 rows: 98 events, the marker
    /// and the stream's follow-up row.</summary>
    public const int MaxEventsPerAppend = 98;

    public static IReadOnlyList<NewEvent> Next(CaseState state, IReadOnlyList<StoredEvent> oldStream, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(oldStream);
        var copy = oldStream
            .Where(e => e.Sequence > state.Requests.OldStreamCopiedThrough)
            .OrderBy(e => e.Sequence)
            .Take(MaxEventsPerAppend)
            .ToList();
        if (copy.Count == 0)
        {
            return [];
        }

        var marker = new RequestStreamCopied(copy[0].StreamId, copy[^1].Sequence, copy.Count);
        return [.. copy.Select(e => new NewEvent(e.Type, e.Data, e.OccurredAt)), new NewEvent(CaseEventTypes.RequestStreamCopied, CaseJson.Write(marker), now)];
    }
}
