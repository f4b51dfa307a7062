using System.Text.Json;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Export;

/// <summary>
/// Turns every event of a case stream into an <see cref="AuditTrailRow"/>: one row per event, none
/// left out, whatever stage wrote it. Who and why are read from the event's own actor and reason
/// (or rationale); an event with no actor was the service's own doing. The "what" column never
/// reads the child's details: streams written before they were sealed still hold them in the
/// referral's event, and the export describes that event from its summary only.
/// </summary>
public static class AuditTrailRows
{
    public static IReadOnlyList<AuditTrailRow> From(Playbook playbook, IEnumerable<StoredEvent> events) =>
        [.. events.Select(e => Row(playbook, e))];

    private static AuditTrailRow Row(Playbook playbook, StoredEvent e)
    {
        using var document = JsonDocument.Parse(e.Data);
        var data = document.RootElement;
        var actor = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        var name = Text(actor, "name") ?? Actor.System.Name;
        var role = Text(actor, "role") ?? Roles.System;
        var partner = Text(actor, "partner") ?? string.Empty;
        var rationale = Text(data, "rationale") ?? Text(data, "reason") ?? string.Empty;
        return new AuditTrailRow(e.Sequence, e.Type, e.OccurredAt, BritishDates.DateAndTime(e.OccurredAt), name, role.Replace('-', ' '), partner, What(playbook, e, data, name), rationale);
    }

    private static string What(Playbook playbook, StoredEvent e, JsonElement data, string who) => e.Type switch
    {
        PanelEventTypes.ReferralRecorded => $"{who} recorded the referral: {Text(data, "summary", "incidentCategory") ?? "category not given"}, age band {Text(data, "summary", "ageBand") ?? "not given"}, from {Text(data, "summary", "referringOrganisation") ?? "an organisation not given"}.",
        PanelEventTypes.PanelThreadOpened => $"{who} posted the case to the panel's channel thread.",
        PanelEventTypes.ThresholdQuestionsAnswered => $"{who} answered the threshold questions for the {SeatTitle(playbook, Text(data, "seat"))}.",
        PanelEventTypes.ReferralViewed => $"{who} viewed the child's details.",
        PanelEventTypes.CardActionRefused => $"{who} was refused '{Text(data, "verb")}'.",
        PanelEventTypes.ReferrerInformed => $"{who} told the referrer the outcome ({Text(data, "outcome")}).",
        IntakeEventTypes.ReferralReceived => $"The referral email was received and read{(Text(data, "incidentCategory") is { } category ? $": {category}, age band {Text(data, "ageBand") ?? "not given"}" : string.Empty)}; the child's details were sealed apart from the case.",
        IntakeEventTypes.ReferrerAcknowledged => "The referrer was sent the acknowledgement with the case code.",
        IntakeEventTypes.NationalPanelResponseExpected => $"The National Panel wrote that it expects the partnership's response by {BritishDate(Text(data, "expectedResponseDate"))}.",
        CaseEventTypes.NationalPanelReplied => $"The National Panel replied to the submission from {Text(data, "from")} (matched by {Text(data, "matchedBy")}).",
        _ => Known(playbook, e) ?? Words(e.Type),
    };

    /// <summary>The audit trail's own sentence, when it knows the event.</summary>
    private static string? Known(Playbook playbook, StoredEvent e)
    {
        var line = AuditTrail.Describe(playbook, e);
        return line.StartsWith("(event ", StringComparison.Ordinal) ? null : line;
    }

    /// <summary>An ISO date from an event ("2027-04-19") the way the other lines write dates ("Monday 19 April 2027").</summary>
    private static string? BritishDate(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? BritishDates.Date(date) : iso;

    private static string SeatTitle(Playbook playbook, string? seat) => seat is null ? "seat" : playbook.FindSeat(seat)?.Title ?? seat;

    /// <summary>"MeetingPapersSent" → "Meeting papers sent."</summary>
    private static string Words(string type)
    {
        var words = string.Concat(type.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return words + ".";
    }

    private static string? Text(JsonElement? element, params string[] path)
    {
        if (element is not { } current)
        {
            return null;
        }

        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => current.GetRawText(),
            _ => null,
        };
    }
}
