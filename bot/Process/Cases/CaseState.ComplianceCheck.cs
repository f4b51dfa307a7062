namespace TeamsReviewBot.Process.Cases;

/// <summary>Who confirmed the report meets the procedure's requirements, on which version, and when.</summary>
public sealed record ReportComplianceCheck(int Version, string Name, string ObjectId, string? Note, DateTimeOffset At);

public sealed partial record CaseState
{
    /// <summary>The business manager's check on the current report version; a new version before sign-off empties it.</summary>
    public ReportComplianceCheck? ComplianceCheck { get; init; }

    /// <summary>The version whose arrival voided an earlier check, if one did.</summary>
    public int? ComplianceCheckVoidedByVersion { get; init; }
}
