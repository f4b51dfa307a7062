namespace TeamsReviewBot.Process.Cases;

/// <summary>The decision makers' sign-off slot booked after the meeting, for the meeting time it was chosen for.</summary>
public sealed record SignOffSlot(string EventId, DateTimeOffset MeetingAt, DateTimeOffset Start, DateTimeOffset End, int Invited, int Free);

public sealed partial record CaseState
{
    /// <summary>The sign-off slot in the decision makers' diaries, while it stands; null before it is
    /// booked and after it is cancelled.</summary>
    public SignOffSlot? SignOffSlot { get; init; }

    /// <summary>How many sign-off slots were cancelled: the next booking's number, so Graph makes a new event.</summary>
    public int SignOffSlotCancellations { get; init; }
}
