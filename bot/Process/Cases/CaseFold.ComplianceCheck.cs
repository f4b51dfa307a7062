using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>The business manager's compliance check; like the partners' answers, a new report version
/// before sign-off voids it, as the check was made on the version read.</summary>
public sealed partial class CaseFold
{
    private static CaseState ComplianceChecks(CaseState next, StoredEvent stored)
    {
        switch (stored.Type)
        {
            case CaseEventTypes.ReportComplianceChecked:
                var e = CaseJson.Read<ReportComplianceChecked>(stored.Data);
                return next with { ComplianceCheck = new ReportComplianceCheck(e.Version, e.Actor.Name, e.Actor.ObjectId, e.Note, stored.OccurredAt) };
            case CaseEventTypes.ReportVersionAdded when NewVersionVoids.VoidsComplianceCheck(next):
                return next with { ComplianceCheck = null, ComplianceCheckVoidedByVersion = next.CurrentReportVersion?.Number };
            default:
                return next;
        }
    }
}
