using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Afterwards;

/// <summary>
/// When a case next owes something of the afterwards steps, as one durable timer: the moment the
/// report is submitted (start them, plan and send the outcome letters), the moment a decision ends the
/// case without a Rapid Review (start them, and close it once the referrer is told and its route's
/// steps are done), the moment the meeting is held
/// where the playbook asks agencies for a lesson log, and again while letters remain unsent. Null
/// when nothing is owed.
/// </summary>
public static class AfterwardsPoint
{
    public const string TimerKind = "afterwards";

    public static string TimerId(string caseCode) => $"{caseCode}:afterwards";

    public static DateTimeOffset? DueAt(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || state.IsClosed)
        {
            return null;
        }

        if (AfterwardsItems.EndsWithoutReview(state) && state.DecidedAt is { } decided)
        {
            // Started at the decision; looked at again once the referrer is told, to close the case if nothing else is open.
            return state.AfterwardsAt is null ? decided
                : AfterwardsItems.ReferrerToldDecision(playbook, state) ? state.AfterwardsAt
                : null;
        }

        if (state.SubmittedAt is { } submitted && state.AfterwardsAt is null)
        {
            return submitted;
        }

        if (AsksForLessonLogs(playbook) && state.OutcomeKind == OutcomeKind.RapidReview && state.MeetingHeldAt is { } held && state.LessonLogsRequestedAt is null
            && !state.CompletedSteps.ContainsKey(AfterwardsItems.LessonLog))
        {
            return held;
        }

        return state.AfterwardsAt is { } started && state.LettersOutstanding.Any() ? started : null;
    }

    /// <summary>Whether the playbook's afterwards steps include a lesson log from each agency (Oldham, seed-000 §9.4).</summary>
    public static bool AsksForLessonLogs(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return playbook.Afterwards.Any(a => a.Key == AfterwardsItems.LessonLog && a.Deadline is { } d && playbook.FindDeadline(d) is not null);
    }
}
