using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>The simplest fold, for tests of the stream store: the list of event types so far.</summary>
internal sealed class EventNames : IStreamFold<IReadOnlyList<string>>
{
    public IReadOnlyList<string> Initial(string streamId) => [];

    public IReadOnlyList<string> Apply(IReadOnlyList<string> state, StoredEvent stored) => [.. state, stored.Type];
}
