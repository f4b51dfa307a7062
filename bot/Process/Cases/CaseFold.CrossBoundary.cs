using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>The referral's two local authorities (typed on ReferralReceived; on older streams, read
/// from the form's fields kept in clear), the lead agreed and the notices sent.</summary>
public sealed partial class CaseFold
{
    private static CaseState CrossBoundary(CaseState next, StoredEvent stored)
    {
        switch (stored.Type)
        {
            case IntakeEventTypes.ReferralReceived:
                var received = CaseJson.Read<ReferralReceived>(stored.Data);
                return next with
                {
                    ResidenceAuthority = received.ChildResidenceAuthority ?? received.Intake?.Details?.Value("childResidenceAuthority")?.Trim(),
                    IncidentAuthority = received.IncidentAuthority ?? received.Intake?.Details?.Value("incidentAuthority")?.Trim(),
                };
            case CaseEventTypes.CrossBoundaryLeadAgreed:
                var agreed = CaseJson.Read<CrossBoundaryLeadAgreed>(stored.Data);
                return next with { LeadAuthority = agreed.LeadAuthority, LeadAgreedBy = agreed.Actor.Name };
            case CaseEventTypes.CrossBoundaryNoticeSent:
                var notice = CaseJson.Read<CrossBoundaryNoticeSent>(stored.Data);
                return next with { CrossBoundaryNotices = next.CrossBoundaryNotices.SetItem(notice.Authority, notice) };
            default:
                return next;
        }
    }
}
