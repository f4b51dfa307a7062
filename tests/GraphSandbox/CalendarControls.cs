using System.Text.Json.Nodes;

namespace GraphSandbox;

/// <summary>/sandbox/calendars/…: put a person in the tenant with their busy blocks; read an
/// organiser's events and what their attendees were sent.</summary>
internal static class CalendarControls
{
    public static void MapCalendarControls(this WebApplication app)
    {
        app.MapPut("/sandbox/calendars/{address}/busy", (string address, BusyBlock[] blocks, SandboxState state) =>
        {
            if (blocks.Any(b => b.End <= b.Start || b.Status is not ("free" or "tentative" or "busy" or "oof" or "workingElsewhere")))
            {
                return Results.Problem(statusCode: 400, title: "Each block needs start before end and a status of free, tentative, busy, oof or workingElsewhere.");
            }

            state.Calendars.SetBusy(address, blocks);
            return Results.NoContent();
        });
        // An attendee answers the invitation, as Outlook records it on the organiser's event, and the
        // organiser's subscribers are told the event was updated.
        app.MapPost("/sandbox/calendars/{organiser}/events/{id}/responses", (string organiser, string id, AttendeeResponse answer, SandboxState state, NotificationPusher pusher) =>
        {
            if (answer.Response is not ("accepted" or "declined" or "tentativelyAccepted" or "none"))
            {
                return Results.Problem(statusCode: 400, title: "response is accepted, declined, tentativelyAccepted or none.");
            }

            if ((answer.ProposedStart is null) != (answer.ProposedEnd is null) || answer.ProposedEnd <= answer.ProposedStart)
            {
                return Results.Problem(statusCode: 400, title: "A proposed new time needs both proposedStart and proposedEnd, the end after the start.");
            }

            if (answer.ProposedStart is not null && answer.Response is not ("tentativelyAccepted" or "declined"))
            {
                return Results.Problem(statusCode: 400, title: "A new time is proposed with a tentative acceptance or a decline, as Outlook does.");
            }

            if (state.Calendars.Find(organiser, id) is not { } found || !state.Calendars.Respond(found, answer, state.Time.GetUtcNow()))
            {
                return Results.Problem(statusCode: 404, title: "No such event, or the address is not one of its attendees.");
            }

            pusher.EventChanged(found, "updated");
            return Results.NoContent();
        });
        app.MapGet("/sandbox/calendars/{address}/events", (string address, SandboxState state) =>
            Results.Json(state.Calendars.EventsOf(address).Select(e => new
            {
                id = e.Id,
                transactionId = e.TransactionId,
                subject = e.Json["subject"]?.GetValue<string>(),
                body = e.Json["body"]?["content"]?.GetValue<string>(),
                start = CalendarEndpoints.Instant(e.Json["start"]),
                end = CalendarEndpoints.Instant(e.Json["end"]),
                attendees = (e.Json["attendees"] as JsonArray ?? []).Select(a => a?["emailAddress"]?["address"]?.GetValue<string>()).OfType<string>().ToArray(),
                joinUrl = e.Json["onlineMeeting"]?["joinUrl"]?.GetValue<string>(),
                isCancelled = e.IsCancelled,
                notices = e.Notices.ToArray(),
            })));
    }
}

/// <summary>An attendee's answer: accepted, declined, tentativelyAccepted or none, with a new time
/// when they propose one (Outlook's "propose new time" goes with a tentative acceptance or a decline).</summary>
public sealed record AttendeeResponse(string Address, string Response, DateTimeOffset? ProposedStart = null, DateTimeOffset? ProposedEnd = null);
