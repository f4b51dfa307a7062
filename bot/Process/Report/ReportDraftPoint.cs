using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Report;

/// <summary>
/// When the playbook's draft report falls due for a case: on its working day (numbered as the playbook's clock numbers them) at its time,
/// for a case going to Rapid Review that is still open and has no report drafted or versioned yet. Null when the
/// playbook names no such point or the case does not need one.
/// </summary>
public static class ReportDraftPoint
{
    public const string TimerKind = "report-draft";

    public static string TimerId(string caseCode) => $"{caseCode}:report-draft";

    public static DateTimeOffset? DueAt(Playbook playbook, CaseState state, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        return playbook.ReportDraft is { } rule && state.Exists && state.OutcomeKind == OutcomeKind.RapidReview && !state.IsClosed && state.ReportDraftedAt is null && state.ReportVersions.IsEmpty
            ? WorkingDayCalendar.AtLondon(calendar.DateOf(playbook.Clock, state.DayZero, rule.WorkingDay), rule.Time)
            : null;
    }
}
