namespace TeamsReviewBot.Process.Streams;

/// <summary>An event about to be appended to a case's stream. <paramref name="Data"/> is the event's JSON.</summary>
public sealed record NewEvent(string Type, string Data, DateTimeOffset OccurredAt);

/// <summary>An event as it stands in a case's stream, with its place in the order.</summary>
public sealed record StoredEvent(string StreamId, long Sequence, string Type, string Data, DateTimeOffset OccurredAt);
