using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>Builds the report's card in the case's thread from the case: version, hash, comment
/// window, who commented when (never what they wrote) and the sign-off tally (names and seats).</summary>
public sealed class ReportThreadViews(CaseService cases, SignOffViews signOffs, TimeProvider time)
{
    public CommentWindow? Window(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var playbook = cases.Playbooks.Get(state.Partnership);
        return ReportCommentRules.Window(playbook, state, cases.Schedule.Timetable(playbook, state));
    }

    public ReportThreadView View(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var version = state.CurrentReportVersion ?? throw new CaseRuleException($"Case {state.CaseCode} has no report version yet.");
        var now = time.GetUtcNow();
        var window = Window(state);
        var windowText = window is null ? "this partnership's playbook has no comment round"
            : state.SignedOffAt is not null ? $"{window.Describe()} (the report is signed off)"
            : now < window.Opens ? $"{window.Describe()} (not open yet)"
            : now > window.Closes ? $"{window.Describe()} (closed)"
            : $"{window.Describe()} (open now)";
        var replaces = version.Number > 1
            ? $"This version replaces version {version.Number - 1}." + (state.SignOffsVoidedByVersion == version.Number ? $" Sign-offs given on version {version.Number - 1} are void; the partners are asked again." : string.Empty)
            : null;
        var lines = state.ReportComments.Where(c => c.Version == version.Number).Select(c => $"Comment from {c.Name} at {BritishDates.DateAndTime(c.At)}").ToList();
        var playbook = cases.Playbooks.Get(state.Partnership);
        return new ReportThreadView(state.CaseCode, version.Number, version.Sha256, BritishDates.DateAndTime(version.At), replaces, windowText, window is not null && now <= window.Closes && state.SignedOffAt is null, lines, signOffs.Tally(playbook, state), signOffs.Standing(playbook, state));
    }
}
