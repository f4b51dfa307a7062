using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>The case's roles: the latest assignment of each role stands.</summary>
public sealed partial class CaseFold
{
    private static CaseState BusinessManagersDay(CaseState next, StoredEvent stored)
    {
        if (stored.Type != CaseEventTypes.RoleAssigned)
        {
            return next;
        }

        var e = CaseJson.Read<RoleAssigned>(stored.Data);
        return next with { Assignments = next.Assignments.SetItem(e.Role, new CaseAssignment(e.Role, e.AadObjectId, e.Name, stored.OccurredAt, e.Actor.Name)) };
    }
}
