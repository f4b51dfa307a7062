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

    private async Task KeepSignOffPromptTimersAsync(Playbook playbook, CaseState before, CaseState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var was = PlanSignOffPrompts(playbook, before, at).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var now = PlanSignOffPrompts(playbook, state, at).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var cancels = was.Keys.Where(id => !now.ContainsKey(id)).Select(id => (Task)timers.CancelAsync(id, cancellationToken));
        var schedules = now.Values.Where(p => !was.ContainsKey(p.Id))
            .Select(p => timers.ScheduleAsync(new DurableTimer(p.Id, SignOffPrompts.TimerKind, p.CaseCode, p.FireAt, SignOffPrompts.Payload(p)), cancellationToken));
        await Task.WhenAll(cancels.Concat(schedules)).ConfigureAwait(false);

        // A new version is announced in the thread (and, when it voided sign-offs, to the partners) by a timer due now.
        if (state.CurrentReportVersion is { } version && version.Number != before.CurrentReportVersion?.Number)
        {
            await timers.ScheduleAsync(new DurableTimer(ReportAnnouncement.TimerId(state.CaseCode, version.Number), ReportAnnouncement.TimerKind, state.CaseCode, at, "{}"), cancellationToken).ConfigureAwait(false);
        }
    }
}
