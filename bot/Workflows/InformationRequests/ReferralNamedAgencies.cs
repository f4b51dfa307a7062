using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// The agencies a referral names as working with the family, read from the case's ReferralReceived
/// event (the notification form's "Agencies Working With the Child/Children/Family" fields, kept
/// under keys "agency:{name}"). Only names are read: nothing else of the referral leaves its event.
/// </summary>
public static class ReferralNamedAgencies
{
    private const string AgencyKey = "agency:";

    public static IReadOnlyList<string> From(IEnumerable<StoredEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return
        [
            .. history.Where(e => e.Type == IntakeEventTypes.ReferralReceived)
                .SelectMany(e => CaseJson.Read<ReferralReceived>(e.Data).Intake?.Details?.Fields ?? [])
                .Select(f => f.Key)
                .Where(key => key is not null && key.StartsWith(AgencyKey, StringComparison.Ordinal))
                .Select(key => key[AgencyKey.Length..])
                .Distinct(StringComparer.OrdinalIgnoreCase),
        ];
    }
}
