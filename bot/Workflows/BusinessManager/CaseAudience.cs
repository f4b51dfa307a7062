using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.SignOff;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>Who may look at one case: its partnership's business managers, the people who fill a seat
/// on its panel (voting or signing), and whoever holds one of its roles.</summary>
public sealed class CaseAudience(SeatResolver voters)
{
    public bool Admits(Playbook playbook, CaseState state, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Holds(PartnershipRole.BusinessManager)
            || voters.Resolve(playbook, caller) is not null
            || SignOffSeats.Resolve(playbook, caller) is not null
            || state.IsAssigned(caller.AadObjectId);
    }
}
