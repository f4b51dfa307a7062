using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>The decision makers' sign-off slot: booked or moved with the meeting, and cancelled with it.</summary>
public sealed partial class CaseFold
{
    private static CaseState SignOffSlot(CaseState next, StoredEvent stored)
    {
        switch (stored.Type)
        {
            case CaseEventTypes.SignOffSlotBooked:
                var booked = CaseJson.Read<SignOffSlotBooked>(stored.Data);
                return next with { SignOffSlot = new SignOffSlot(booked.EventId, booked.MeetingAt, booked.Start, booked.End, booked.Attendees.Count, booked.Free) };
            case CaseEventTypes.SignOffSlotCancelled:
                var cancelled = CaseJson.Read<SignOffSlotCancelled>(stored.Data);
                return next.SignOffSlot?.EventId != cancelled.EventId ? next : next with
                {
                    SignOffSlot = null,
                    SignOffSlotCancellations = next.SignOffSlotCancellations + 1,
                };
            default:
                return next;
        }
    }
}
