namespace TeamsReviewBot.Process.Cases;

/// <summary>The business manager's check that the report meets the procedure's requirements (Gloucestershire: WT2018).</summary>
public static partial class CaseEventTypes
{
    public const string ReportComplianceChecked = "ReportComplianceChecked";
}

/// <summary>The business manager confirmed that report <paramref name="Version"/> (hash <paramref name="Sha256"/>)
/// meets the playbook's requirements (<see cref="Playbooks.ComplianceCheckRule"/>), with an optional note.</summary>
public sealed record ReportComplianceChecked(int Version, string Sha256, string? Note, Actor Actor, string Reason);
