using TeamsReviewBot.Process.Cases;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Something that shows a case in Teams (the panel thread's shared card) and is brought up to date
/// by the case's follow-up after every append, before its follow-up row is deleted: so an edit cut
/// short by a crash is made after the restart. Showing the same thing again is harmless, and an
/// implementation skips an edit that would change nothing.
/// </summary>
public interface ICaseShownInTeams
{
    /// <summary>Shows the case as it stands (the follow-up has just brought it up to date).</summary>
    Task ShowAsync(CaseState state, CancellationToken cancellationToken);
}
