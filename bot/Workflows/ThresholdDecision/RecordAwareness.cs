using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Workflows.Cases;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>Records when the partnership became aware of the incident; deadlines counted from Day 0 follow it.</summary>
public sealed class RecordAwareness(CaseService cases, PanelChanges changes, CardRefusals refusals, DecisionWindow window, TimeProvider time)
{
    public const string Verb = "aware";

    public async Task<string> RecordAsync(string caseCode, DateOnly awareOn, TeamsActor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var existing = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!existing.Exists)
        {
            throw new CaseRuleException($"There is no case {caseCode}.");
        }

        await refusals.RequireBusinessManagerAsync(caseCode, Verb, by, "record when the partnership became aware", cancellationToken).ConfigureAwait(false);
        if (awareOn > WorkingDayCalendar.LondonDate(time.GetUtcNow()))
        {
            throw new CaseRuleException($"{BritishDates.Date(awareOn)} is in the future; the partnership cannot have become aware then.");
        }

        // A date only: the start of that working day, or the moment of receipt if that was earlier the same day.
        var rules = cases.RulesForCase(caseCode);
        var startOfDay = WorkingDayCalendar.AtLondon(awareOn, rules.Playbook.Clock.WorkingDayStarts);
        var at = startOfDay < existing.ReceivedAt ? startOfDay : existing.ReceivedAt;
        var actor = CaseActors.From(by);
        var change = await changes.DecideAsync(caseCode, (state, now) => rules.RecordAwareness(state, at, actor, $"Became aware on {BritishDates.Date(awareOn)} (recorded by {by.DisplayName}).", now), cancellationToken).ConfigureAwait(false);
        if (change.Appended.Count > 0)
        {
            // Day 0 moved, and the decision deadline with it.
            await window.KeepAsync(change.State, cancellationToken).ConfigureAwait(false);
        }

        await changes.AfterAsync(caseCode, change.State, change.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return $"Recorded: the partnership became aware of the incident in case {caseCode} on {BritishDates.Date(awareOn)}; {WorkingDayNumbering.StartName(rules.Playbook.Clock)} is now {BritishDates.Date(change.State.DayZero)} and the timetable counts from it.";
    }
}
