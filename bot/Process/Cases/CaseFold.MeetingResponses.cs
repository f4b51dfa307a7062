using System.Collections.Immutable;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>Attendees' answers to the booked meeting; a partner losing its last attendee coming counts a
/// new quorum gap. Answers to an event the case no longer has are history only.</summary>
public sealed partial class CaseFold
{
    private static CaseState MeetingResponses(CaseState next, StoredEvent stored)
    {
        switch (stored.Type)
        {
            case CaseEventTypes.MeetingResponseRecorded:
                var e = CaseJson.Read<MeetingResponseRecorded>(stored.Data);
                if (e.EventId != next.MeetingEventId)
                {
                    return next;
                }

                var key = e.Address.ToLowerInvariant();
                var wasComing = next.MeetingResponses.TryGetValue(key, out var before) && (before.WasComing || before.Coming);
                var covered = e.Partner is not null && PartnerCovered(next.MeetingResponses.Values, e.Partner);
                var answer = new MeetingResponse(e.Address, e.Name, e.Partner, e.Seat, e.Response, e.RespondedAt, e.ProposedStart, e.ProposedEnd, wasComing);
                var after = next.MeetingResponses.SetItem(key, answer with { WasComing = wasComing || answer.Coming });
                var losses = next.MeetingQuorumLosses;
                if (covered && !PartnerCovered(after.Values, e.Partner!))
                {
                    losses = losses.SetItem(e.Partner!, losses.GetValueOrDefault(e.Partner!) + 1);
                }

                return next with { MeetingResponses = after, MeetingQuorumLosses = losses };
            case CaseEventTypes.MeetingCancelled:
                return next with
                {
                    MeetingResponses = ImmutableDictionary<string, MeetingResponse>.Empty,
                    MeetingQuorumLosses = ImmutableDictionary<string, int>.Empty,
                };
            default:
                return next;
        }
    }

    private static bool PartnerCovered(IEnumerable<MeetingResponse> responses, string partner) =>
        responses.Any(r => r.Partner == partner && r.Coming);
}
