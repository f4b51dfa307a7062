using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>The sign-off deadline's reminders and escalation as timers, kept in step with the case:
/// set when a report version waits for sign-off, moved with the deadline, cancelled once signed off.</summary>
public sealed partial class CaseService
{
    /// <summary>The case's sign-off deadline, or null while it does not apply (e.g. no meeting yet to count from).</summary>
    public DateTimeOffset? SignOffDeadline(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return state.Exists ? schedule.Timetable(playbook, state).Find(playbook.SignOff.Deadline)?.DueAt : null;
    }

    /// <summary>The sign-off prompts the case calls for now.</summary>
    public IReadOnlyList<SignOffPrompt> PlanSignOffPrompts(Playbook playbook, CaseState state, DateTimeOffset notBefore) =>
        SignOffPrompts.Plan(playbook, state, SignOffDeadline(playbook, state), schedule.Calendar, notBefore);
}
