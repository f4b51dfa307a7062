using System.Collections.Immutable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>An attendee's latest answer to the booked meeting; <paramref name="WasComing"/> says they
/// accepted or tentatively accepted at some point, so a later decline is a loss, not a first answer.</summary>
public sealed record MeetingResponse(
    string Address,
    string Name,
    string? Partner,
    string? Seat,
    string Response,
    DateTimeOffset? At,
    DateTimeOffset? ProposedStart,
    DateTimeOffset? ProposedEnd,
    bool WasComing)
{
    public bool Coming => Response is Meetings.MeetingResponses.Accepted or Meetings.MeetingResponses.Tentative;
}

/// <summary>The answers to the booked meeting, beside the meeting itself; a cancellation empties them.</summary>
public sealed partial record CaseState
{
    /// <summary>Each attendee's latest answer to the booked meeting, by lower-case address.</summary>
    public ImmutableDictionary<string, MeetingResponse> MeetingResponses { get; init; } = ImmutableDictionary<string, MeetingResponse>.Empty;

    /// <summary>Per statutory partner, how many times it went from someone coming to nobody coming
    /// on this booking: each loss is a new gap, warned about once.</summary>
    public ImmutableDictionary<string, int> MeetingQuorumLosses { get; init; } = ImmutableDictionary<string, int>.Empty;
}
