using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Cases;

/// <summary>
/// The decision window's timer: due at the playbook's decision deadline while the case awaits its
/// decision, and gone once it does not. Kept with the case's other timers by the follow-up's
/// reconcile, so putting a case to the panel sets it after the reply, in the same batch as the rest.
/// </summary>
public static class DecisionWindowPoint
{
    public const string TimerKind = "threshold-decision-window";

    public static string TimerId(string caseCode) => $"{caseCode}:decision-window";

    /// <summary>When the window passes for the case as it stands, or null when it awaits no decision.</summary>
    public static DateTimeOffset? DueAt(CaseSchedule schedule, Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(state);
        return state.Exists && state.Stage == CaseStage.AwaitingDecision ? schedule.Timetable(playbook, state).Find("decision")?.DueAt : null;
    }
}
