using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.CrossBoundary;

/// <summary>
/// The cross-boundary follow-up's timer (asking who leads, telling the other partnership): due as
/// the case opens while the case is cross-boundary and some other partnership is not yet told (or
/// the playbook names none to tell, when it only asks who leads). Kept with the case's other
/// timers by the follow-up's reconcile, so it is written in the same batch as them, from the
/// follow-up row the opening append wrote: a crash before that still sets it.
/// </summary>
public static class CrossBoundaryPoint
{
    public const string TimerKind = "cross-boundary";

    public static string TimerId(string caseCode) => $"{caseCode}:cross-boundary";

    /// <summary>When the follow-up is due for the case as it stands, or null when it owes none.</summary>
    public static DateTimeOffset? DueAt(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || !state.IsCrossBoundary)
        {
            return null;
        }

        var others = CrossBoundaryRules.OtherAuthorities(state, playbook.CrossBoundary);
        return others.Count == 0 || others.Any(a => !state.CrossBoundaryNotices.ContainsKey(a)) ? state.OpenedAt : null;
    }
}
