using System.Collections.Immutable;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Cases;

/// <summary>The two local authorities a referral names, and what was done when they differ.</summary>
public sealed partial record CaseState
{
    /// <summary>The local authority where the child ordinarily resides, as the form names it.</summary>
    public string? ResidenceAuthority { get; init; }

    /// <summary>The local authority where the incident occurred, as the form names it.</summary>
    public string? IncidentAuthority { get; init; }

    /// <summary>The child lives in one local authority and was harmed in another.</summary>
    public bool IsCrossBoundary => ResidenceAuthority is not null && IncidentAuthority is not null
        && !CrossBoundaryRule.SameAuthority(ResidenceAuthority, IncidentAuthority);

    /// <summary>The authority whose partnership leads, once a business manager recorded it.</summary>
    public string? LeadAuthority { get; init; }

    public string? LeadAgreedBy { get; init; }

    /// <summary>The authorities whose partnerships were told of the case (by email or by hand).</summary>
    public ImmutableDictionary<string, CrossBoundaryNoticeSent> CrossBoundaryNotices { get; init; } =
        ImmutableDictionary<string, CrossBoundaryNoticeSent>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
}
