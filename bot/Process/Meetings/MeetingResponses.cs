using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Meetings;

/// <summary>An attendee's answer as the organiser's calendar holds it: the response (Graph's
/// responseType name in any case), when it was given, and a proposed new time, if any.</summary>
public sealed record AttendeeReply(string Address, string Response, DateTimeOffset? At, DateTimeOffset? ProposedStart = null, DateTimeOffset? ProposedEnd = null);

/// <summary>
/// Which attendees' answers to the booked meeting are new to the case: each answer (accepted,
/// tentatively accepted, declined) is recorded once with who gave it (their name, and the statutory
/// partner and seat they come for when the partnership lists them or their deputy); the same answer
/// read again records nothing, a changed answer or a newly proposed time records again. "No answer yet"
/// is not an answer and records nothing.
/// </summary>
public static class MeetingResponses
{
    public const string Accepted = "accepted";
    public const string Tentative = "tentativelyAccepted";
    public const string Declined = "declined";

    /// <summary>Graph's responseType (accepted, tentativelyAccepted, declined, in any case) as recorded; null for none, organizer, notResponded.</summary>
    public static string? Normalise(string response) => response?.ToUpperInvariant() switch
    {
        "ACCEPTED" => Accepted,
        "TENTATIVELYACCEPTED" => Tentative,
        "DECLINED" => Declined,
        _ => null,
    };

    public static IReadOnlyList<NewEvent> Record(Playbook playbook, CaseState state, string eventId, IReadOnlyList<AttendeeReply> replies, IReadOnlyList<Invitee> people, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(people);
        if (state.MeetingEventId != eventId || state.MeetingHeldAt is not null)
        {
            return [];
        }

        var recorded = new List<NewEvent>();
        foreach (var reply in replies)
        {
            if (Normalise(reply.Response) is not { } response)
            {
                continue;
            }

            if (state.MeetingResponses.TryGetValue(reply.Address.ToLowerInvariant(), out var known)
                && known.Response == response && known.At == reply.At && known.ProposedStart == reply.ProposedStart && known.ProposedEnd == reply.ProposedEnd)
            {
                continue;
            }

            var person = people.FirstOrDefault(p => string.Equals(p.Address, reply.Address, StringComparison.OrdinalIgnoreCase));
            var seat = person?.Partner is { } partner ? playbook.Seats.FirstOrDefault(s => s.Partner == partner && s.Statutory)?.Key : null;
            var name = person?.Name ?? reply.Address;
            var who = person?.Partner is { } p ? $"{name} ({Partners.Name(p)})" : name;
            recorded.Add(new NewEvent(
                CaseEventTypes.MeetingResponseRecorded,
                CaseJson.Write(new MeetingResponseRecorded(eventId, reply.Address, name, person?.Partner, seat, response, reply.At, reply.ProposedStart, reply.ProposedEnd, Actor.System, $"{who} {Describe(response)} the meeting invitation.")),
                now));
        }

        return recorded;
    }

    /// <summary>How an answer reads in a sentence: accepted, tentatively accepted, declined.</summary>
    public static string Describe(string response) => response switch
    {
        Accepted => "accepted",
        Tentative => "tentatively accepted",
        Declined => "declined",
        _ => "has not answered",
    };
}
