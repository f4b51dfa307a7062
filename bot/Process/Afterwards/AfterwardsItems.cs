using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Afterwards;

/// <summary>One thing owed after the submission. <paramref name="Tracked"/> items (a deadline in
/// force, or letters the bot sends) hold the case open until done; the rest are the seed's notes,
/// which a business manager may mark done but which never keep a case open.</summary>
public sealed record AfterwardsItem(string Key, string Name, DateTimeOffset? DueAt, bool Done, bool Tracked, string Source);

/// <summary>
/// Which afterwards items a case has and which remain open, from the playbook's "afterwards" list:
/// an item with a deadline counts when the deadline applies to the case's path and is in force (a
/// review-only deadline once a review is decided); the outcome letters count when the seed asks for
/// them (they were planned); an item with neither is a note.
/// </summary>
public static class AfterwardsItems
{
    /// <summary>The afterwards item lesson logs complete (Oldham, seed-000 §9.4).</summary>
    public const string LessonLog = "lesson-log";

    /// <summary>The afterwards item "the referrer is told the decision and its rationale", owed on a
    /// case that ends without a Rapid Review (seed-000 §3 outcome 1, seed-001 §3, seed-002 L285,
    /// seed-003 L79, seed-004 §3.1): done when the bot's decision letter went out for the decision
    /// as it stands, or when a business manager marks it done.</summary>
    public const string DecisionToReferrer = "decision-to-referrer";

    /// <summary>Whether the case ended at its threshold decision without a Rapid Review: no further
    /// action, or another learning route (a Practice Learning Review, an audit, a Salford Case Review).</summary>
    public static bool EndsWithoutReview(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Decision is not null && state.OutcomeKind is OutcomeKind.NoFurtherAction or OutcomeKind.OtherLearning;
    }

    /// <summary>Whether the referrer has been told the decision as it stands (or the playbook owes no such item).</summary>
    public static bool ReferrerToldDecision(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        return !playbook.Afterwards.Any(a => a.Key == DecisionToReferrer)
            || state.CompletedSteps.ContainsKey(DecisionToReferrer)
            || (state.ReferrerInformed is { } told && state.Decision is { } decision && told.Outcome == decision.Outcome);
    }

    /// <summary>The playbooks' names for "the referrer and agencies are told the outcome"
    /// (seed-002 §8 L372, seed-003 §5 L248, seed-001 §3, seed-000 §3).</summary>
    public static IReadOnlySet<string> OutcomeLetterItems { get; } = new HashSet<string>(StringComparer.Ordinal) { "outcome-to-agencies", "referrer-update", "outcome-letters" };

    /// <summary>Whether a hand-marked step is chased with reminders: the deadlines the afterwards
    /// items name, once the afterwards steps started (or, for the lesson log, once it was asked for).</summary>
    public static bool IsChased(Playbook playbook, CaseState state, DeadlineRule rule)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rule);
        var named = playbook.Afterwards.Any(a => a.Deadline == rule.Key);
        return named && (state.AfterwardsAt is not null || (rule.Key == LessonLog && state.LessonLogsRequestedAt is not null));
    }

    public static IReadOnlyList<AfterwardsItem> List(Playbook playbook, CaseTimetable timetable, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(timetable);
        ArgumentNullException.ThrowIfNull(state);
        var items = new List<AfterwardsItem>();
        var withoutReview = EndsWithoutReview(state);
        foreach (var item in playbook.Afterwards)
        {
            // A case ended at its decision owes the referrer's letter and its own route's steps; the
            // rest of the list is what a Rapid Review owes after its submission.
            if (item.Key == DecisionToReferrer)
            {
                if (withoutReview)
                {
                    items.Add(new AfterwardsItem(item.Key, item.Description, null, ReferrerToldDecision(playbook, state), true, item.Source));
                }

                continue;
            }

            if (withoutReview && (item.Deadline is null || playbook.FindDeadline(item.Deadline)?.AppliesWhen != state.OutcomeKind))
            {
                continue;
            }

            if (item.Deadline is { } key && playbook.FindDeadline(key) is { } rule)
            {
                if ((rule.AppliesWhen is not null && rule.AppliesWhen != state.OutcomeKind) || !state.InForce(rule))
                {
                    continue;
                }

                items.Add(new AfterwardsItem(item.Key, rule.Name, timetable.Find(key)?.DueAt, IsDone(state, rule), true, item.Source));
            }
            else if (OutcomeLetterItems.Contains(item.Key) && state.OutcomeLetters is { Count: > 0 })
            {
                items.Add(new AfterwardsItem(item.Key, item.Description, null, !state.LettersOutstanding.Any() || state.CompletedSteps.ContainsKey(item.Key), true, item.Source));
            }
            else
            {
                items.Add(new AfterwardsItem(item.Key, item.Description, null, state.CompletedSteps.ContainsKey(item.Key), false, item.Source));
            }
        }

        return items;
    }

    /// <summary>The items that keep the case open.</summary>
    public static IReadOnlyList<AfterwardsItem> Open(Playbook playbook, CaseTimetable timetable, CaseState state) =>
        [.. List(playbook, timetable, state).Where(i => i.Tracked && !i.Done)];

    private static bool IsDone(CaseState state, DeadlineRule rule) =>
        state.MilestoneAt(rule.CompletedBy, rule.Key) is not null;
}
