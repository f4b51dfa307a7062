using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Submission;

/// <summary>The National Panel's expected response date falling before the case's own submission deadline;
/// <paramref name="SubmissionDay"/> is that deadline's day as the partnership's procedure names it ("Day 15", "working day 15").</summary>
public sealed record PanelDateEarlier(DateOnly PanelDate, DateTimeOffset PanelDueAt, TimetableEntry Submission, string SubmissionDay);

/// <summary>
/// seed-004 L130 (requirement G13): the Panel's "Serious Incident logged" email sets the date it expects
/// the partnership's response by; "reconcile it with the WD-15 deadline; alert if it is earlier". When
/// that date comes before the case's own submission deadline, and the report has not gone, the Panel's
/// date is the one to meet: the business managers are told once per date, and the case's views say so.
/// </summary>
public static class PanelDateRules
{
    public const string TimerKind = "panel-date-earlier";

    /// <summary>One notice per case and Panel date: a later email moving the date earlier again is told again.</summary>
    public static string NoticeId(string caseCode, DateOnly panelDate) => $"{caseCode}:panel-date-earlier:{panelDate:yyyy-MM-dd}";

    public static PanelDateEarlier? Earlier(Playbook playbook, CaseState state, CaseTimetable timetable)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(timetable);
        if (state.NationalPanelResponseExpected is null || state.SubmittedAt is not null || state.IsClosed)
        {
            return null;
        }

        var panel = timetable.Entries.FirstOrDefault(e => e.Rule.Anchor == DeadlineRule.NationalPanelExpects);
        var submission = timetable.Find(playbook.Submission.Deadline);
        return panel is not null && submission is not null && panel.DueAt < submission.DueAt
            ? new PanelDateEarlier(panel.DueDate, panel.DueAt, submission, WorkingDayNumbering.DayName(playbook.Clock, submission.DayNumber))
            : null;
    }

    /// <summary>The sentence the business managers and the case's views show: dates and the deadline's day only.</summary>
    public static string Describe(PanelDateEarlier earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return $"the National Panel expects the Rapid Review report by {BritishDates.DateAndTime(earlier.PanelDueAt)}, before the case's own {earlier.SubmissionDay} deadline ({BritishDates.DateAndTime(earlier.Submission.DueAt)}): the Panel's date is the one to meet.";
    }
}
