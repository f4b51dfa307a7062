namespace TeamsReviewBot.Storage;

/// <summary>
/// Something to do at a time: a reminder, a chaser, an escalation. <paramref name="Id"/> is chosen by
/// the caller and stable (e.g. "RR-OLD-2026-0007:meeting:reminder"), so scheduling again replaces
/// and handlers can use it as an idempotency key. <paramref name="Payload"/> is JSON for the handler.
/// </summary>
public sealed record DurableTimer(string Id, string Kind, string StreamId, DateTimeOffset DueAt, string Payload);

/// <summary>A timer one instance holds the lease on; <paramref name="Attempt"/> counts its firings.
/// <paramref name="LeaseId"/> names this one claim: a rewrite of the timer keeps it on the row, a new
/// claim replaces it, so the holder can tell "rewritten under my claim" from "claimed again".</summary>
public sealed record ClaimedTimer(DurableTimer Timer, string LeaseOwner, int Attempt, Azure.ETag ETag, string LeaseId);

/// <summary>A timer set aside after <paramref name="Attempts"/> failed firings, and why.</summary>
public sealed record DeadTimer(DurableTimer Timer, int Attempts, string Reason, DateTimeOffset SetAsideAt);
