using System.Globalization;
using TeamsReviewBot.Process.Intake;

namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// Reads the referral that mail intake recorded on the case stream (event "ReferralReceived": the
/// message, the sender and the form's fields, each with how it was read) into what the panel shows.
/// Only fields read cleanly are used; anything else is "not given", never guessed. The incident
/// category comes from a closed list (<see cref="IncidentCategories"/>), never as typed. The age band
/// is worked out from the date of birth and the date of the incident (or of the referral).
/// </summary>
public static class IntakeReferralReading
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "d.M.yyyy"];

    /// <summary>The referral recorded as <paramref name="json"/> (a ReferralReceived event's data), as the panel reads it.</summary>
    public static ReferralRecorded? Read(string json, DateTimeOffset receivedAt) => Read(CaseJson.Read<ReferralReceived>(json), receivedAt);

    public static ReferralRecorded? Read(ReferralReceived received, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(received);
        if (received.Intake is not { } intake)
        {
            return null;
        }

        var fields = (intake.Details?.Fields ?? [])
            .Where(f => f.Reading == FieldReading.Read && f.Key is not null && !string.IsNullOrWhiteSpace(f.Value))
            .GroupBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value!.Trim(), StringComparer.Ordinal);
        string Text(params string[] keys) => keys.Select(fields.GetValueOrDefault).FirstOrDefault(v => v is not null) ?? "not given";
        DateOnly? Date(params string[] keys) => keys.Select(fields.GetValueOrDefault).Select(ParseDate).FirstOrDefault(d => d is not null);

        var incident = Date("incidentDate");
        var born = Date("childDateOfBirth");
        var referrer = intake.ReferrerAddress ?? fields.GetValueOrDefault("referrerEmail") ?? string.Empty;
        // Recorded since the child's details are sealed: worked out at intake, the dates being sealed.
        var category = received.IncidentCategory is { } recorded ? IncidentCategories.Closed(recorded)
            : fields.ContainsKey("natureOfIncident") || fields.ContainsKey("mainTypeOfAbuse")
            ? IncidentCategories.Category(fields.GetValueOrDefault("natureOfIncident"), fields.GetValueOrDefault("mainTypeOfAbuse"))
            : IncidentCategories.Closed(fields.GetValueOrDefault("incidentCategory"));
        var summary = new ReferralSummary(
            category,
            received.AgeBand ?? AgeBand(born, incident ?? DateOnly.FromDateTime(receivedAt.UtcDateTime)),
            incident,
            Text("referrerOrganisation", "referringOrganisation"),
            referrer);
        // Sealed apart since; a referral recorded before that carries the child's details in clear.
        var child = received.SealedAs is null ? new ChildDetails(Text("childName"), born, Text("childHomeAddress", "childAddress")) : null;
        return new ReferralRecorded(summary, child, Actor.System, "Referral read from the partnership mailbox.");
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

    /// <summary>A date as referral forms write it, or null.</summary>
    public static DateOnly? ParseDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
}
