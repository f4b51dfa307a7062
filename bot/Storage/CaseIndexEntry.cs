namespace TeamsReviewBot.Storage;

/// <summary>One row per case for listing and lookup without reading streams: its code, partnership,
/// stage and next deadline as of <paramref name="Version"/> of the case's stream.</summary>
public sealed record CaseIndexEntry(
    string CaseCode,
    string Partnership,
    string Stage,
    DateTimeOffset? NextDeadline,
    string? NextDeadlineName,
    DateTimeOffset OpenedAt,
    long Version);
