using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.BusinessManager;

/// <summary>
/// Assigning a case's role: only to an open case, only one of <see cref="CaseRoles"/>, and giving a
/// role to the person who already holds it records nothing (a repeated command is harmless).
/// A new holder replaces the old one, who is named on the record.
/// </summary>
public static class AssignmentRules
{
    public static IReadOnlyList<NewEvent> Assign(CaseState state, string role, string aadObjectId, string name, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {state.StreamId}.");
        }

        if (state.IsClosed)
        {
            throw new CaseRuleException($"Case {state.CaseCode} is closed; its roles can no longer change.");
        }

        if (!CaseRoles.All.Contains(role))
        {
            throw new CaseRuleException($"\"{role}\" is not a role of a case; the roles are {string.Join(", ", CaseRoles.All.Select(CaseRoles.Describe))}.");
        }

        var held = state.Assignments.GetValueOrDefault(role);
        if (held is not null && string.Equals(held.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var reason = held is null
            ? $"{name} assigned as the case's {CaseRoles.Describe(role)}."
            : $"{name} assigned as the case's {CaseRoles.Describe(role)} in place of {held.Name}.";
        return [new NewEvent(CaseEventTypes.RoleAssigned, CaseJson.Write(new RoleAssigned(role, aadObjectId, name, held?.Name, actor, reason)), now)];
    }
}
