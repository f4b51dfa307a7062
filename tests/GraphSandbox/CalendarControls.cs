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
        // An attendee answers the invitation, as Outlook would record it on the organiser's event.
        app.MapPost("/sandbox/calendars/{organiser}/events/{id}/responses", (string organiser, string id, AttendeeResponse answer, SandboxState state) =>
        {
            if (answer.Response is not ("accepted" or "declined" or "tentativelyAccepted" or "none"))
            {
                return Results.Problem(statusCode: 400, title: "response is accepted, declined, tentativelyAccepted or none.");
            }

            var found = state.Calendars.Find(organiser, id);
            var attendee = (found?.Json["attendees"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(a => string.Equals(a["emailAddress"]?["address"]?.GetValue<string>(), answer.Address, StringComparison.OrdinalIgnoreCase));
            if (attendee is null)
            {
                return Results.Problem(statusCode: 404, title: "No such event, or the address is not one of its attendees.");
            }

            attendee["status"] = new JsonObject { ["response"] = answer.Response, ["time"] = DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture) };
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

public sealed record AttendeeResponse(string Address, string Response);
