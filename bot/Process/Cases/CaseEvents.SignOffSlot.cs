namespace TeamsReviewBot.Process.Cases;

public static partial class CaseEventTypes
{
    /// <summary>The decision makers' sign-off slot was booked, or moved with the meeting.</summary>
    public const string SignOffSlotBooked = "SignOffSlotBooked";

    /// <summary>The sign-off slot was cancelled because its meeting was.</summary>
    public const string SignOffSlotCancelled = "SignOffSlotCancelled";
}

/// <summary>
/// The sign-off slot (<paramref name="EventId"/> in the organiser's calendar) is booked for
/// <paramref name="Start"/>–<paramref name="End"/>, after the meeting held at <paramref name="MeetingAt"/>,
/// with <paramref name="Attendees"/> invited (addresses) and <paramref name="Free"/> of them free then.
/// Recorded again, with the same event, when the meeting moves and the slot follows it.
/// </summary>
public sealed record SignOffSlotBooked(
    string EventId,
    DateTimeOffset MeetingAt,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Attendees,
    int Free,
    Actor Actor);

/// <summary>The sign-off slot <paramref name="EventId"/> was cancelled, and why.</summary>
public sealed record SignOffSlotCancelled(string EventId, string Reason, Actor Actor);
