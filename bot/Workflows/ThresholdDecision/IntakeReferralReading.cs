using System.Globalization;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// Reads the referral that mail intake recorded on the case stream (event "ReferralReceived": the
/// message, the sender and the form's fields, each with how it was read) into what the panel shows.
/// Only fields read cleanly are used; anything else is "not given", never guessed. The incident
/// category comes from a closed list (<see cref="IncidentCategories"/>), never as typed. The age band
/// is worked out from the date of birth and the date of the incident (or of the referral).
/// </summary>
public static class IntakeReferralReading
{
    public const string EventType = "ReferralReceived";

    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "d.M.yyyy"];

    public static ReferralRecorded? Read(string json, DateTimeOffset receivedAt)
    {
        var root = JsonNode.Parse(json);
        if (root?["intake"] is not JsonObject intake)
        {
            return null;
        }

        var fields = (intake["details"]?["fields"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(f => IsRead(f["reading"]))
            .Select(f => (Key: f["key"]?.GetValue<string>(), Value: f["value"]?.GetValue<string>()))
            .Where(f => f.Key is not null && !string.IsNullOrWhiteSpace(f.Value))
            .GroupBy(f => f.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value!.Trim(), StringComparer.Ordinal);
        string Text(params string[] keys) => keys.Select(fields.GetValueOrDefault).FirstOrDefault(v => v is not null) ?? "not given";
        DateOnly? Date(params string[] keys) => keys.Select(fields.GetValueOrDefault).Select(ParseDate).FirstOrDefault(d => d is not null);

        var incident = Date("incidentDate");
        var born = Date("childDateOfBirth");
        var referrer = intake["referrerAddress"]?.GetValue<string>() ?? fields.GetValueOrDefault("referrerEmail") ?? string.Empty;
        // Recorded since the child's details are sealed: worked out at intake, the dates being sealed.
        var recordedCategory = root["incidentCategory"] is JsonValue c && c.TryGetValue<string>(out var categoryText) ? categoryText : null;
        var recordedAgeBand = root["ageBand"] is JsonValue a && a.TryGetValue<string>(out var band) ? band : null;
        var category = recordedCategory is not null ? IncidentCategories.Closed(recordedCategory)
            : fields.ContainsKey("natureOfIncident") || fields.ContainsKey("mainTypeOfAbuse")
            ? IncidentCategories.Category(fields.GetValueOrDefault("natureOfIncident"), fields.GetValueOrDefault("mainTypeOfAbuse"))
            : IncidentCategories.Closed(fields.GetValueOrDefault("incidentCategory"));
        var summary = new ReferralSummary(
            category,
            recordedAgeBand ?? AgeBand(born, incident ?? DateOnly.FromDateTime(receivedAt.UtcDateTime)),
            incident,
            Text("referrerOrganisation", "referringOrganisation"),
            referrer);
        // Sealed apart since; a referral recorded before that carries the child's details in clear.
        var child = root["sealedAs"] is null ? new ChildDetails(Text("childName"), born, Text("childHomeAddress", "childAddress")) : null;
        return new ReferralRecorded(summary, child, Actor.System, "Referral read from the partnership mailbox.");
    }

    /// <summary>The child's details from the sealed referral (the form's keys, or the refer form's).</summary>
    public static ChildDetails Child(SealedReferral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new ChildDetails(
            referral.Value("childName") ?? "not given",
            ParseDate(referral.Value("childDateOfBirth")),
            referral.Value("childHomeAddress") ?? referral.Value("childAddress") ?? "not given");
    }

    /// <summary>What the refer form's child's details are sealed as.</summary>
    public static SealedReferral Sealed(ChildDetails child)
    {
        ArgumentNullException.ThrowIfNull(child);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["childName"] = child.Name, ["childAddress"] = child.Address };
        if (child.DateOfBirth is { } born)
        {
            fields["childDateOfBirth"] = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return new SealedReferral(fields, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>The age bands the panel card shows, from the child's age on the day.</summary>
    public static string AgeBand(DateOnly? born, DateOnly on)
    {
        if (born is not { } dob || dob > on)
        {
            return "not given";
        }

        var years = on.Year - dob.Year - (on < dob.AddYears(on.Year - dob.Year) ? 1 : 0);
        return years switch
        {
            < 1 => "Under 1",
            <= 4 => "1 to 4",
            <= 10 => "5 to 10",
            <= 15 => "11 to 15",
            _ => "16 to 17",
        };
    }

    /// <summary>FieldReading.Read, written as its name or as its number (0).</summary>
    private static bool IsRead(JsonNode? reading) => reading is JsonValue v
        && ((v.TryGetValue<string>(out var name) && string.Equals(name, "Read", StringComparison.OrdinalIgnoreCase))
            || (v.TryGetValue<int>(out var number) && number == 0));

    private static DateOnly? ParseDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
}
