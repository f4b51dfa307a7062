namespace TeamsReviewBot.Process.Export;

/// <summary>One event of a case's audit trail as the export lists it: its place in the stream, its
/// type, when (UTC and London), who in what role for which partner, what happened, and why.</summary>
public sealed record AuditTrailRow(
    long Sequence,
    string EventType,
    DateTimeOffset OccurredAt,
    string London,
    string ActorName,
    string ActorRole,
    string ActorPartner,
    string What,
    string Rationale);
