namespace TeamsReviewBot.Process.Cases;

/// <summary>The audit trail was exported: the export is itself on the trail, so an inspector can see
/// who took a copy, when, whether it held the child's details, and how it was delivered.</summary>
public static partial class CaseEventTypes
{
    public const string AuditTrailExported = "AuditTrailExported";
}

/// <summary>
/// <paramref name="ExportId"/> names this export (the emailed files carry it; they hold every event up to this one);
/// <paramref name="ChildDetailsIncluded"/> says whether the child's details were in the files
/// (only ever for a business manager); <paramref name="Delivery"/> says how the files went.
/// </summary>
public sealed record AuditTrailExported(string ExportId, bool ChildDetailsIncluded, string Delivery, Actor Actor, string Reason);
