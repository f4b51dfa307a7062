namespace TeamsReviewBot.Process.Cases;

public static partial class CaseEventTypes
{
    /// <summary>An attendee answered the meeting's invitation, as the organiser's calendar recorded it.</summary>
    public const string MeetingResponseRecorded = "MeetingResponseRecorded";
}

/// <summary>
/// An attendee's answer to the booked meeting (<paramref name="EventId"/>): who (address, name, the
/// statutory partner and seat they come for, if any), what (accepted, tentativelyAccepted, declined),
/// when the calendar says they answered, and the time they proposed instead, if they did. Recorded once
/// per answer: the same answer read again (a repeated notification, a catch-up) records nothing.
/// </summary>
public sealed record MeetingResponseRecorded(
    string EventId,
    string Address,
    string Name,
    string? Partner,
    string? Seat,
    string Response,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ProposedStart,
    DateTimeOffset? ProposedEnd,
    Actor Actor,
    string Reason);
