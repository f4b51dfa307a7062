using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The decision window of a case: a durable timer set for the playbook's decision deadline while the
/// case awaits its decision. When it passes, the rule is applied to the votes as they stand (a
/// decision, or the playbook's escalation). The process's own deadline timer may have applied it a
/// moment earlier; either way what follows the decision or escalation is carried out (each step once).
/// </summary>
public sealed class DecisionWindow(CaseService cases, PanelChanges changes, DurableTimerStore timers) : ITimerHandler
{
    public const string TimerKind = DecisionWindowPoint.TimerKind;

    public string Kind => TimerKind;

    public static string TimerId(string caseCode) => DecisionWindowPoint.TimerId(caseCode);

    /// <summary>Sets (or moves) the window timer to the case's decision deadline while it awaits the decision.</summary>
    public async Task KeepAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Stage != CaseStage.AwaitingDecision)
        {
            return;
        }

        var rules = cases.RulesForCase(state.CaseCode);
        var window = cases.Schedule.Timetable(rules.Playbook, state).Get("decision").DueAt;
        await timers.ScheduleAsync(new DurableTimer(TimerId(state.CaseCode), TimerKind, state.CaseCode, window, "{}"), cancellationToken).ConfigureAwait(false);
    }

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return PassedAsync(timer.StreamId, cancellationToken);
    }

    /// <summary>The window has passed: apply the rule to the votes as they stand, and carry out what follows.</summary>
    public async Task PassedAsync(string caseCode, CancellationToken cancellationToken)
    {
        if (!(await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).Exists)
        {
            return;
        }

        var rules = cases.RulesForCase(caseCode);
        var change = await changes.DecideAsync(caseCode, (state, now) => rules.DecisionWindowPassed(state, now), cancellationToken).ConfigureAwait(false);
        var state = change.State;
        await changes.AfterAsync(caseCode, state, change.Appended, alwaysFollowUp: state.Decision is not null || state.Stage == CaseStage.Escalated, cancellationToken).ConfigureAwait(false);
    }
}
