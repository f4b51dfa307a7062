using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphSandbox;

/// <summary>The calendar calls: getSchedule free/busy, and an organiser's events (create with
/// transactionId, list, get, update, cancel).</summary>
internal static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this WebApplication app)
    {
        app.MapPost("/v1.0/users/{user}/calendar/getSchedule", GetScheduleAsync);
        app.MapPost("/v1.0/users/{user}/events", CreateAsync);
        app.MapGet("/v1.0/users/{user}/events", (string user, SandboxState state) =>
            Results.Json(new JsonObject
            {
                ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{user}')/events",
                ["value"] = new JsonArray(state.Calendars.EventsOf(user).Where(e => !e.IsCancelled).Select(e => (JsonNode?)e.Json.DeepClone()).ToArray()),
            }));
        app.MapGet("/v1.0/users/{user}/events/{id}", (string user, string id, SandboxState state) =>
            state.Calendars.Find(user, id) is { } found ? Results.Json(found.Json) : ItemNotFound());
        app.MapMethods("/v1.0/users/{user}/events/{id}", ["PATCH"], UpdateAsync);
        app.MapPost("/v1.0/users/{user}/events/{id}/cancel", (string user, string id, SandboxState state, NotificationPusher pusher) =>
        {
            if (state.Calendars.Find(user, id) is not { } found)
            {
                return ItemNotFound();
            }

            if (!state.Calendars.Cancel(found))
            {
                return GraphErrors.Problem(400, "ErrorInvalidRequest", "The meeting has already been cancelled.");
            }

            pusher.EventChanged(found, "updated");
            return Results.Accepted();
        });
    }

    private static async Task<IResult> GetScheduleAsync(string user, HttpRequest request, SandboxState state, CancellationToken cancellationToken)
    {
        // The SDK writes this body's keys in PascalCase; Graph reads them in any case.
        var body = await JsonNode.ParseAsync(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }, cancellationToken: cancellationToken) as JsonObject ?? [];
        var schedules = (body["schedules"] as JsonArray ?? []).Select(s => s?.GetValue<string>()).OfType<string>().ToList();
        var interval = body["availabilityViewInterval"]?.GetValue<int>() ?? 30;
        if (schedules.Count == 0 || Instant(body["startTime"]) is not { } start || Instant(body["endTime"]) is not { } end || end <= start)
        {
            return GraphErrors.Problem(400, "ErrorInvalidParameter", "schedules, startTime and endTime are required, and endTime must be after startTime.");
        }

        if (interval is < 5 or > 1440)
        {
            return GraphErrors.Problem(400, "ErrorInvalidParameter", "availabilityViewInterval must be between 5 and 1440 minutes.");
        }

        var value = new JsonArray(schedules.Select(s => (JsonNode?)Schedule(state.Calendars, s, start, end, interval)).ToArray());
        return Results.Json(new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
            ["value"] = value,
        });
    }

    private static JsonObject Schedule(SandboxCalendars calendars, string address, DateTimeOffset start, DateTimeOffset end, int interval)
    {
        if (!calendars.InTenant(address))
        {
            return new JsonObject
            {
                ["scheduleId"] = address,
                ["availabilityView"] = string.Empty,
                ["scheduleItems"] = new JsonArray(),
                ["error"] = new JsonObject
                {
                    ["message"] = $"Unable to resolve e-mail address {address} to an Active Directory object.",
                    ["responseCode"] = "ErrorMailRecipientNotFound",
                },
            };
        }

        var blocks = calendars.BusyOf(address).Where(b => b.Start < end && b.End > start).OrderBy(b => b.Start).ToList();
        var view = new StringBuilder();
        for (var slot = start; slot < end; slot = slot.AddMinutes(interval))
        {
            var slotEnd = slot.AddMinutes(interval);
            view.Append(blocks.Where(b => b.Start < slotEnd && b.End > slot).Select(b => Code(b.Status)).DefaultIfEmpty('0').Max());
        }

        return new JsonObject
        {
            ["scheduleId"] = address,
            ["availabilityView"] = view.ToString(),
            ["scheduleItems"] = new JsonArray(blocks.Select(b => (JsonNode?)new JsonObject
            {
                ["isPrivate"] = false,
                ["status"] = b.Status,
                ["subject"] = string.Empty,
                ["location"] = string.Empty,
                ["start"] = Utc(b.Start),
                ["end"] = Utc(b.End),
            }).ToArray()),
            ["workingHours"] = new JsonObject
            {
                ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
                ["startTime"] = "08:00:00.0000000",
                ["endTime"] = "17:00:00.0000000",
                ["timeZone"] = new JsonObject { ["name"] = "GMT Standard Time" },
            },
        };
    }

    private static async Task<IResult> CreateAsync(string user, HttpRequest request, SandboxState state, NotificationPusher pusher, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject ?? [];
        if (Instant(body["start"]) is not { } start || Instant(body["end"]) is not { } end || end <= start)
        {
            return GraphErrors.Problem(400, "ErrorInvalidRequest", "An event needs a start and an end, and the end must be after the start.");
        }

        var (created, isNew) = state.Calendars.Create(user, body, state.Time.GetUtcNow());
        if (isNew)
        {
            pusher.EventChanged(created, "created");
        }

        return Results.Json(created.Json, statusCode: 201);
    }

    private static async Task<IResult> UpdateAsync(string user, string id, HttpRequest request, SandboxState state, NotificationPusher pusher, CancellationToken cancellationToken)
    {
        if (state.Calendars.Find(user, id) is not { } found)
        {
            return ItemNotFound();
        }

        var patch = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject ?? [];
        var refusal = state.Calendars.Update(found, patch, state.Time.GetUtcNow());
        if (refusal is not null)
        {
            return GraphErrors.Problem(400, "ErrorInvalidRequest", refusal);
        }

        pusher.EventChanged(found, "updated");
        return Results.Json(found.Json);
    }

    private static IResult ItemNotFound() => GraphErrors.Problem(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    private static char Code(string status) => status switch
    {
        "tentative" => '1',
        "busy" => '2',
        "oof" => '3',
        _ => '0', // free and workingElsewhere (Graph reports working elsewhere as 0)
    };

    /// <summary>A dateTimeTimeZone as an instant. Zones are looked up by IANA or Windows name.</summary>
    public static DateTimeOffset? Instant(JsonNode? dateTimeTimeZone)
    {
        if (dateTimeTimeZone is not JsonObject o
            || o.FirstOrDefault(p => p.Key.Equals("dateTime", StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>() is not { } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zoneName = o.FirstOrDefault(p => p.Key.Equals("timeZone", StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>() ?? "UTC";
        var zone = zoneName.Equals("UTC", StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneName);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    public static JsonObject Utc(DateTimeOffset at) => new()
    {
        ["dateTime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = "UTC",
    };
}
