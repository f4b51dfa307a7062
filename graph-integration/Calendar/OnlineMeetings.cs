using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace TeamsReviewBot.GraphIntegration.Calendar;

/// <summary>An invitation to send: who organises it, when, who comes, and the key that makes a
/// retried create return the same event (Graph's transactionId).</summary>
public sealed record MeetingInvite(
    string Organiser,
    string Subject,
    string BodyHtml,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<MeetingAttendee> Attendees,
    string TransactionId);

public sealed record MeetingAttendee(string Address, string Name);

/// <summary>An attendee's answer to the invitation (the SDK's ResponseType name: Accepted, TentativelyAccepted,
/// Declined, None, …), when they gave it, and the time they proposed instead, if they did.</summary>
public sealed record AttendeeAnswer(string Address, string Response, DateTimeOffset? At = null, DateTimeOffset? ProposedStart = null, DateTimeOffset? ProposedEnd = null)
{
    public bool Answered => Response is "Accepted" or "TentativelyAccepted" or "Declined";

    public bool Coming => Response is "Accepted" or "TentativelyAccepted" or "Organizer";
}

/// <summary>The event as Graph holds it.</summary>
public sealed record BookedMeeting(string EventId, DateTimeOffset Start, DateTimeOffset End, string? JoinUrl, bool IsCancelled, IReadOnlyList<string> Attendees);

/// <summary>The attendees' answers on an event, with the transactionId it was created with (which names the case).</summary>
public sealed record EventAnswers(string EventId, string? TransactionId, bool IsCancelled, IReadOnlyList<AttendeeAnswer> Answers);

/// <summary>
/// Teams meetings in the organiser's calendar: create (isOnlineMeeting, teamsForBusiness, with a
/// transactionId so a retry finds the first event instead of making a second), move (PATCH, so
/// attendees get an update), cancel (the organiser's cancel, which tells attendees), get.
/// </summary>
public sealed class OnlineMeetings(GraphServiceClient graph)
{
    public async Task<BookedMeeting> CreateAsync(MeetingInvite invite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var created = await graph.Users[invite.Organiser].Events.PostAsync(
            new Event
            {
                Subject = invite.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = invite.BodyHtml },
                Start = GraphTimes.Utc(invite.Start),
                End = GraphTimes.Utc(invite.End),
                Attendees = [.. invite.Attendees.Select(a => new Attendee
                {
                    Type = AttendeeType.Required,
                    EmailAddress = new EmailAddress { Address = a.Address, Name = a.Name },
                })],
                IsOnlineMeeting = true,
                OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
                AllowNewTimeProposals = true,
                TransactionId = invite.TransactionId,
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var booked = Read(created ?? throw new InvalidOperationException("Graph created an event but returned nothing."));
        if (booked.JoinUrl is null)
        {
            // Graph can answer 201 with isOnlineMeeting false when the organiser cannot hold Teams meetings.
            throw new InvalidOperationException($"Graph created event {booked.EventId} without a Teams join link; check that {invite.Organiser} is a licensed user whose calendar allows teamsForBusiness.");
        }

        return booked;
    }

    public async Task<BookedMeeting> MoveAsync(string organiser, string eventId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        var updated = await graph.Users[organiser].Events[eventId].PatchAsync(
            new Event { Start = GraphTimes.Utc(start), End = GraphTimes.Utc(end) },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return Read(updated ?? throw new InvalidOperationException($"Graph updated event {eventId} but returned nothing."));
    }

    public async Task CancelAsync(string organiser, string eventId, string comment, CancellationToken cancellationToken = default) =>
        await graph.Users[organiser].Events[eventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>The event, or null when the organiser's calendar no longer has it.</summary>
    public async Task<BookedMeeting?> GetAsync(string organiser, string eventId, CancellationToken cancellationToken = default)
    {
        try
        {
            var found = await graph.Users[organiser].Events[eventId].GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return found is null ? null : Read(found);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>Adds an attendee to the event (a PATCH of its attendees: the newcomer gets the invitation,
    /// the others keep theirs). An attendee already on it is left as is; returns false then.</summary>
    public async Task<bool> AddAttendeeAsync(string organiser, string eventId, MeetingAttendee attendee, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attendee);
        var found = await graph.Users[organiser].Events[eventId].GetAsync(r => r.QueryParameters.Select = ["attendees"], cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Graph has no event {eventId}.");
        var attendees = found.Attendees ?? [];
        if (attendees.Any(a => string.Equals(a.EmailAddress?.Address, attendee.Address, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        attendees.Add(new Attendee { EmailAddress = new EmailAddress { Address = attendee.Address, Name = attendee.Name }, Type = AttendeeType.Required });
        await graph.Users[organiser].Events[eventId].PatchAsync(new Event { Attendees = attendees }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Each attendee's answer as the organiser's event records it: accepted, tentativelyAccepted,
    /// declined, or none/notResponded. Null when the calendar no longer has the event.</summary>
    public async Task<IReadOnlyList<AttendeeAnswer>?> AnswersAsync(string organiser, string eventId, CancellationToken cancellationToken = default)
    {
        try
        {
            var found = await graph.Users[organiser].Events[eventId].GetAsync(r => r.QueryParameters.Select = ["attendees", "isCancelled"], cancellationToken).ConfigureAwait(false);
            return found is null || found.IsCancelled == true ? null
                : [.. (found.Attendees ?? []).Where(a => a.EmailAddress?.Address is not null)
                    .Select(a => new AttendeeAnswer(a.EmailAddress!.Address!, a.Status?.Response?.ToString() ?? "None"))];
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>The event's answers as the organiser's calendar records them, with status.time and any
    /// proposedNewTime; null when the calendar no longer has the event.</summary>
    public async Task<EventAnswers?> ReadAnswersAsync(string organiser, string eventId, CancellationToken cancellationToken = default)
    {
        try
        {
            var found = await graph.Users[organiser].Events[eventId].GetAsync(r => r.QueryParameters.Select = ["attendees", "isCancelled", "transactionId"], cancellationToken).ConfigureAwait(false);
            return found is null ? null : new EventAnswers(
                eventId,
                found.TransactionId,
                found.IsCancelled == true,
                [.. (found.Attendees ?? []).Where(a => a.EmailAddress?.Address is not null).Select(a => new AttendeeAnswer(
                    a.EmailAddress!.Address!,
                    a.Status?.Response?.ToString() ?? "None",
                    a.Status?.Time is { } at && at.Year > 1 ? at : null,
                    a.ProposedNewTime?.Start is { } start ? GraphTimes.Instant(start) : null,
                    a.ProposedNewTime?.End is { } end ? GraphTimes.Instant(end) : null))]);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    private static BookedMeeting Read(Event e) => new(
        e.Id ?? throw new InvalidOperationException("Graph returned an event without an id."),
        GraphTimes.Instant(e.Start!),
        GraphTimes.Instant(e.End!),
        e.OnlineMeeting?.JoinUrl,
        e.IsCancelled == true,
        [.. (e.Attendees ?? []).Select(a => a.EmailAddress?.Address).OfType<string>()]);
}
