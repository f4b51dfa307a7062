namespace TeamsReviewBot.Process.Meetings;

/// <summary>Someone to invite. <paramref name="Partner"/> is the organisation they speak for
/// (local-authority, police, health, …) or null; only <paramref name="Required"/> people are counted
/// when slots are ranked.</summary>
public sealed record Invitee(string Address, string Name, string? Partner, bool Required);

/// <summary>What a person's calendar said. <paramref name="Busy"/> is null when their availability is
/// unknown (outside the tenant, no answer): unknown is never counted as free.</summary>
public sealed record Availability(string Address, IReadOnlyList<BusySpan>? Busy)
{
    public bool IsFreeFor(DateTimeOffset start, DateTimeOffset end) =>
        Busy is not null && !Busy.Any(b => b.Start < end && b.End > start);
}

public sealed record BusySpan(DateTimeOffset Start, DateTimeOffset End);

/// <summary>A time the meeting could be held, with who is free and which statutory partners have
/// someone free then.</summary>
public sealed record MeetingSlot(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<Invitee> Free,
    IReadOnlyList<Invitee> NotFree,
    IReadOnlyList<string> PartnersMissing)
{
    public int RequiredFree => Free.Count(i => i.Required);

    public bool Quorate => PartnersMissing.Count == 0;
}
