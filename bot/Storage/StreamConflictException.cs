namespace TeamsReviewBot.Storage;

/// <summary>Another writer appended to the stream first: reload what it wrote and decide again.</summary>
public sealed class StreamConflictException(string streamId, long expectedLastSequence)
    : Exception($"Stream '{streamId}' moved past sequence {expectedLastSequence} before this append.")
{
    public string StreamId { get; } = streamId;

    public long ExpectedLastSequence { get; } = expectedLastSequence;
}
