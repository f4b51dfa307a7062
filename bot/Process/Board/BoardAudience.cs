using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Board;

/// <summary>
/// Who is looking at the board, in the process's terms: a business manager, or a panel member who
/// speaks for some statutory partners ("local-authority", "police", "health", as seats name them).
/// </summary>
public sealed record BoardViewer(bool IsBusinessManager, IReadOnlySet<string> Partners);

/// <summary>
/// Which open cases a viewer sees, and which of them need the viewer now. Business managers see every
/// open case; a panel member sees the cases that have reached the panel (a case still at referral has
/// not been put to them yet).
/// </summary>
public static class BoardAudience
{
    public static bool Sees(BoardViewer viewer, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(state);
        return state.Exists && !state.IsClosed && Sees(viewer, state.Stage);
    }

    /// <summary>The same rule from a case's stage alone, as the case index records it.</summary>
    public static bool Sees(BoardViewer viewer, CaseStage stage)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return stage != CaseStage.Closed && (viewer.IsBusinessManager || stage != CaseStage.Referred);
    }

    /// <summary>
    /// "Needs me": for a business manager, a case with a deadline overdue or due by the end of the next
    /// working day (when the bot's own reminders go out); for a panel member, a case waiting for their
    /// seat's vote or sign-off, or with an overdue deadline.
    /// </summary>
    public static bool NeedsAttention(BoardViewer viewer, Playbook playbook, CaseState state, BoardRow row, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(calendar);
        var marks = row.Marks.Concat(row.Later).ToList();
        if (marks.Any(m => m.State == MarkState.Overdue))
        {
            return true;
        }

        if (viewer.IsBusinessManager)
        {
            var soon = calendar.NextWorkingDay(today);
            return marks.Any(m => m.State is MarkState.Due or MarkState.Moved && m.Date <= soon);
        }

        var seats = playbook.Seats.Where(s => viewer.Partners.Contains(s.Partner)).ToList();
        var awaitingVote = state.Stage is CaseStage.AwaitingDecision
            && seats.Any(s => s.Votes) && !seats.Any(s => s.Votes && state.Votes.ContainsKey(s.Key));
        var awaitingSignOff = state.Stage is CaseStage.ReportDrafted
            && seats.Any(s => s.SignsOff) && !seats.Any(s => s.SignsOff && state.SignOffs.ContainsKey(s.Key));
        return awaitingVote || awaitingSignOff;
    }
}
