using System.Collections.Immutable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>Who holds one of the case's roles, since when, and who gave it.</summary>
public sealed record CaseAssignment(string Role, string AadObjectId, string Name, DateTimeOffset At, string AssignedBy);

/// <summary>The case's roles (chair, author, lead reviewer, independent adviser) as the business manager assigned them.</summary>
public sealed partial record CaseState
{
    public ImmutableDictionary<string, CaseAssignment> Assignments { get; init; } = ImmutableDictionary<string, CaseAssignment>.Empty;

    /// <summary>Whether the person holds any of the case's roles.</summary>
    public bool IsAssigned(string? aadObjectId) =>
        aadObjectId is not null && Assignments.Values.Any(a => string.Equals(a.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));
}
