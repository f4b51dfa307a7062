using System.Text.Json;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// The agencies a referral names as working with the family, read from the case's "ReferralReceived"
/// event (the notification form's "Agencies Working With the Child/Children/Family" fields, kept
/// under keys "agency:{name}"). Only names are read: nothing else of the referral leaves its event.
/// </summary>
public static class ReferralNamedAgencies
{
    public const string ReferralReceived = "ReferralReceived";

    public static IReadOnlyList<string> From(IEnumerable<StoredEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var names = new List<string>();
        foreach (var stored in history.Where(e => e.Type == ReferralReceived))
        {
            using var document = JsonDocument.Parse(stored.Data);
            Collect(document.RootElement, names);
        }

        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static void Collect(JsonElement element, List<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                    && key.GetString()!.StartsWith("agency:", StringComparison.Ordinal))
                {
                    names.Add(key.GetString()!["agency:".Length..]);
                }

                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names);
                }

                break;
        }
    }
}
