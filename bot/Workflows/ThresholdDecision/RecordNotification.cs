using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>Records the date the National Panel was notified (which may start the playbook's 15-day clock).</summary>
public sealed class RecordNotification(CaseService cases, PanelChanges changes, CardRefusals refusals, TimeProvider time)
{
    public async Task<string> RecordAsync(string caseCode, DateOnly notifiedOn, TeamsActor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var existing = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!existing.Exists)
        {
            throw new CaseRuleException($"There is no case {caseCode}.");
        }

        var mayRecord = by.Holds(PartnershipRole.BusinessManager)
            || by.Roles.Any(r => r.Role is PartnershipRole.StatutoryLead or PartnershipRole.Deputy && r.Partner == StatutoryPartner.LocalAuthority);
        if (!mayRecord)
        {
            await refusals.RefuseAsync(caseCode, PanelCards.NotifiedVerb, by, $"{by.Describe()} is neither a business manager nor the local authority's lead or deputy.", cancellationToken).ConfigureAwait(false);
            throw new CaseRuleException("Only a business manager or the local authority's lead (or deputy) can record the National Panel notification; nothing was recorded. This attempt is recorded on the case's audit trail.");
        }

        var rules = cases.RulesForCase(caseCode);
        var now = time.GetUtcNow();
        var today = WorkingDayCalendar.LondonDate(now);
        if (notifiedOn > today)
        {
            throw new CaseRuleException($"The notification date {BritishDates.Date(notifiedOn)} is in the future; record it once it has been sent.");
        }

        if (notifiedOn < existing.DayZero)
        {
            throw new CaseRuleException($"The notification date {BritishDates.Date(notifiedOn)} is before the case's {WorkingDayNumbering.StartName(rules.Playbook.Clock)} ({BritishDates.Date(existing.DayZero)}).");
        }

        // The event takes the day it happened, so deadlines counted from it start that day.
        var at = notifiedOn == today ? now : WorkingDayCalendar.AtLondon(notifiedOn, rules.Playbook.Clock.WorkingDayStarts);
        var actor = CaseActors.From(by);
        await changes.DecideAndFollowAsync(caseCode, (state, _) => rules.NotifyNationalPanel(state, actor, $"Notified on {BritishDates.Date(notifiedOn)} (recorded by {by.DisplayName}).", at), cancellationToken).ConfigureAwait(false);
        return $"Recorded: the National Panel was notified about case {caseCode} on {BritishDates.Date(notifiedOn)}.";
    }
}
