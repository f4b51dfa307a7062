using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Identity;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>The business manager's records a playbook's own rules wait for: the consultation a split
/// majority needs, and when the partnership became aware of the incident.</summary>
public sealed partial class ThresholdDecisionService
{
    public const string ConsultedVerb = "consulted";
    public const string AwareVerb = "aware";

    /// <summary>Records the consultation a split majority waits for; the rule then decides if it can.</summary>
    public async Task<string> RecordConsultationAsync(string caseCode, string note, TeamsActor by, CancellationToken cancellationToken)
    {
        var (_, playbook) = await ExistingCaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        await RequireBusinessManagerAsync(caseCode, ConsultedVerb, by, "record the consultation on a split decision", cancellationToken).ConfigureAwait(false);
        var rules = new CaseRules(playbook, schedule);
        var now = time.GetUtcNow();
        var actor = CaseActors.From(by);
        var result = await AppendAsync(caseCode, state => rules.RecordConsultation(state.Case, note.Trim(), actor, now), cancellationToken).ConfigureAwait(false);
        await AfterChangeAsync(caseCode, result.Current.State, result.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        var decision = result.Current.State.Decision;
        return decision is null
            ? $"Recorded the consultation on case {caseCode}. The decision is not made yet: the votes as they stand do not give one."
            : $"Recorded the consultation on case {caseCode}. Decision: {decision.OutcomeLabel}.";
    }

    /// <summary>Records when the partnership became aware of the incident; deadlines counted from Day 0 follow it.</summary>
    public async Task<string> RecordAwarenessAsync(string caseCode, DateOnly awareOn, TeamsActor by, CancellationToken cancellationToken)
    {
        var (existing, playbook) = await ExistingCaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        await RequireBusinessManagerAsync(caseCode, AwareVerb, by, "record when the partnership became aware", cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (awareOn > WorkingDayCalendar.LondonDate(now))
        {
            throw new CaseRuleException($"{BritishDates.Date(awareOn)} is in the future; the partnership cannot have become aware then.");
        }

        // A date only: the start of that working day, or the moment of receipt if that was earlier the same day.
        var startOfDay = WorkingDayCalendar.AtLondon(awareOn, playbook.Clock.WorkingDayStarts);
        var at = startOfDay < existing.ReceivedAt ? startOfDay : existing.ReceivedAt;
        var rules = new CaseRules(playbook, schedule);
        var actor = CaseActors.From(by);
        var result = await AppendAsync(caseCode, state => rules.RecordAwareness(state.Case, at, actor, $"Became aware on {BritishDates.Date(awareOn)} (recorded by {by.DisplayName}).", now), cancellationToken).ConfigureAwait(false);
        var state = result.Current.State;
        if (result.Appended.Count > 0 && state.Case.Stage == CaseStage.AwaitingDecision)
        {
            var window = schedule.Timetable(playbook, state.Case).Get("decision").DueAt;
            await timers.ScheduleAsync(new DurableTimer($"{caseCode}:decision-window", WindowTimerKind, caseCode, window, "{}"), cancellationToken).ConfigureAwait(false);
        }

        await AfterChangeAsync(caseCode, result.Current.State, result.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return $"Recorded: the partnership became aware of the incident in case {caseCode} on {BritishDates.Date(awareOn)}; Day 0 is now {BritishDates.Date(state.Case.DayZero)} and the timetable counts from it.";
    }

    private async Task RequireBusinessManagerAsync(string caseCode, string verb, TeamsActor by, string what, CancellationToken cancellationToken)
    {
        if (by.Holds(PartnershipRole.BusinessManager))
        {
            return;
        }

        await RefuseAsync(caseCode, verb, by, $"{by.Describe()} is not a business manager.", cancellationToken).ConfigureAwait(false);
        throw new CaseRuleException($"Only a business manager can {what} on case {caseCode}; nothing was recorded. This attempt is recorded on the case's audit trail.");
    }
}
