using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GraphSandbox;

/// <summary>One busy block a test puts in a person's calendar; <paramref name="Status"/> is Graph's
/// freeBusyStatus (tentative, busy, oof, workingElsewhere).</summary>
public sealed record BusyBlock(DateTimeOffset Start, DateTimeOffset End, string Status = "busy");

/// <summary>An event as the organiser's calendar holds it, and the messages its attendees were sent.</summary>
public sealed class SandboxEvent(string id, string organiser, JsonObject json)
{
    public string Id { get; } = id;

    public string Organiser { get; } = organiser;

    public JsonObject Json { get; } = json;

    /// <summary>"invitation", "update" or "cancellation": what attendees received, in order.</summary>
    public List<string> Notices { get; } = [];

    public bool IsCancelled => Json["isCancelled"]?.GetValue<bool>() == true;

    public string? TransactionId => Json["transactionId"]?.GetValue<string>();
}

/// <summary>
/// Calendars: who is in the tenant (a test gives them a calendar), their busy blocks, and every
/// organiser's events. People the tenant does not know get an error item from getSchedule, as Graph
/// gives for addresses outside the organisation.
/// </summary>
public sealed class SandboxCalendars
{
    private readonly ConcurrentDictionary<string, List<BusyBlock>> _busy = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SandboxEvent> _events = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _next;

    public void SetBusy(string address, IEnumerable<BusyBlock> blocks) => _busy[address] = [.. blocks];

    public bool InTenant(string address) => _busy.ContainsKey(address);

    public IReadOnlyList<BusyBlock> BusyOf(string address) => _busy.TryGetValue(address, out var blocks) ? blocks : [];

    public SandboxEvent? Find(string organiser, string id) =>
        _events.TryGetValue(id, out var e) && string.Equals(e.Organiser, organiser, StringComparison.OrdinalIgnoreCase) ? e : null;

    public IReadOnlyList<SandboxEvent> EventsOf(string organiser) =>
        [.. _events.Values.Where(e => string.Equals(e.Organiser, organiser, StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>Creates the event, or returns the one already created with the same transactionId
    /// (Graph's guard against a client's retried POST). The bool says whether it was new.</summary>
    public (SandboxEvent Event, bool Created) Create(string organiser, JsonObject body, DateTimeOffset now)
    {
        lock (_gate)
        {
            var transactionId = body["transactionId"]?.GetValue<string>();
            if (transactionId is not null && EventsOf(organiser).FirstOrDefault(e => e.TransactionId == transactionId) is { } existing)
            {
                return (existing, false);
            }

            var id = $"AAMkAGSandboxEvent{++_next:D6}";
            var json = (JsonObject)body.DeepClone();
            json["id"] = id;
            json["iCalUId"] = $"040000008200E00074C5B7101A82E008{_next:D8}";
            json["createdDateTime"] = Stamp(now);
            json["lastModifiedDateTime"] = Stamp(now);
            json["changeKey"] = $"ck{_next}-1";
            json["isCancelled"] = false;
            json["isOrganizer"] = true;
            json["webLink"] = $"https://outlook.office365.com/owa/?itemid={id}&exvsurl=1&path=/calendar/item";
            json["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = organiser, ["address"] = organiser } };
            json["attendees"] = Attendees(json["attendees"]);
            if (json["isOnlineMeeting"]?.GetValue<bool>() == true)
            {
                json["onlineMeetingProvider"] ??= "teamsForBusiness";
                json["onlineMeeting"] = new JsonObject
                {
                    ["joinUrl"] = $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{id}%40thread.v2/0",
                };
            }
            else
            {
                json["isOnlineMeeting"] = false;
                json["onlineMeetingProvider"] = "unknown";
            }

            var created = new SandboxEvent(id, organiser, json);
            created.Notices.Add("invitation");
            _events[id] = created;
            return (created, true);
        }
    }

    /// <summary>Applies a PATCH; attendees get an update. transactionId cannot change, as in Graph.</summary>
    public string? Update(SandboxEvent target, JsonObject patch, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (target.IsCancelled)
            {
                return "The meeting was cancelled and can no longer be updated.";
            }

            if (patch["transactionId"] is JsonValue tx && tx.GetValue<string>() != target.TransactionId)
            {
                return "transactionId cannot be changed once the event is created.";
            }

            foreach (var (name, value) in patch)
            {
                target.Json[name] = name == "attendees" ? Attendees(value) : value?.DeepClone();
            }

            target.Json["lastModifiedDateTime"] = Stamp(now);
            target.Json["changeKey"] = $"{target.Id}-{target.Notices.Count + 1}";
            target.Notices.Add("update");
            return null;
        }
    }

    /// <summary>Records an attendee's answer on the event: status {response, time} and, when given,
    /// proposedNewTime {start, end}. False when the address is not one of its attendees.</summary>
    public bool Respond(SandboxEvent target, AttendeeResponse answer, DateTimeOffset now)
    {
        lock (_gate)
        {
            var attendee = (target.Json["attendees"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(a => string.Equals(a["emailAddress"]?["address"]?.GetValue<string>(), answer.Address, StringComparison.OrdinalIgnoreCase));
            if (attendee is null || target.IsCancelled)
            {
                return false;
            }

            attendee["status"] = new JsonObject { ["response"] = answer.Response, ["time"] = Stamp(now) };
            if (answer is { ProposedStart: { } start, ProposedEnd: { } end })
            {
                attendee["proposedNewTime"] = new JsonObject { ["start"] = CalendarEndpoints.Utc(start), ["end"] = CalendarEndpoints.Utc(end) };
            }
            else
            {
                attendee.Remove("proposedNewTime");
            }

            target.Json["lastModifiedDateTime"] = Stamp(now);
            target.Json["changeKey"] = $"{target.Id}-r{now.UtcTicks}";
            return true;
        }
    }

    public bool Cancel(SandboxEvent target)
    {
        lock (_gate)
        {
            if (target.IsCancelled)
            {
                return false;
            }

            target.Json["isCancelled"] = true;
            target.Notices.Add("cancellation");
            return true;
        }
    }

    private static JsonArray Attendees(JsonNode? given) => new(
        (given as JsonArray ?? []).OfType<JsonObject>().Select(a => (JsonNode?)new JsonObject
        {
            ["type"] = a["type"]?.GetValue<string>() ?? "required",
            ["status"] = a["status"]?.DeepClone() ?? new JsonObject { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" },
            ["emailAddress"] = a["emailAddress"]?.DeepClone(),
        }).ToArray());

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
