using TeamsReviewBot.Process.Intake;
namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// What a referral said that identifies the child or is free text: every field value except the
/// few below, and the case factors' typed details. It is sealed apart from the case stream
/// (<see cref="TeamsReviewBot.Storage.SealedDetailsStore"/>) under <see cref="Record"/>.
/// </summary>
public sealed record SealedReferral(IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, string> CaseFactorDetails)
{
    /// <summary>The sealed record's name in the case's partition.</summary>
    public const string Record = "referral";

    public string? Value(string key) => Fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// Splits a referral into what the case stream may keep in clear and what is sealed. Kept in clear:
/// the dates of the referral and the incident, who referred it and from where, and the local
/// authorities, i.e. what the process and the panel card need and nothing about the child. Every
/// field keeps its key, label and reading (so flags still show); a sealed field's value is left out.
/// </summary>
public static class ReferralSealing
{
    public static IReadOnlySet<string> ClearFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "referralDate", "incidentDate", "referrerName", "referrerOrganisation", "referrerTelephone", "referrerEmail",
        "referrerContact", "childResidenceAuthority", "incidentAuthority", "numberOfSubjectChildren",
    };

    public static (ReferralDetails Clear, SealedReferral Sealed) Split(ReferralDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var sealedFields = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new List<ReferralField>(details.Fields.Count);
        foreach (var field in details.Fields)
        {
            if (field.Value is null || ClearFields.Contains(field.Key))
            {
                fields.Add(field);
                continue;
            }

            sealedFields.TryAdd(field.Key, field.Value);
            fields.Add(field with { Value = null });
        }

        var factorDetails = new Dictionary<string, string>(StringComparer.Ordinal);
        var factors = new List<CaseFactorReading>(details.CaseFactors.Count);
        foreach (var factor in details.CaseFactors)
        {
            if (factor.Detail is { } detail)
            {
                factorDetails.TryAdd(factor.Factor, detail);
            }

            factors.Add(factor with { Detail = null });
        }

        return (details with { Fields = fields, CaseFactors = factors }, new SealedReferral(sealedFields, factorDetails));
    }
}
