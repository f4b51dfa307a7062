using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.SignOff;

/// <summary>
/// The business manager's compliance check on the report, where the playbook has one (Gloucestershire:
/// "Business Manager ensures report meets WT2018 requirements", seed-004 L133): recorded on the current
/// version only, once per version (a repeat adds nothing), and only before the report is signed off.
/// When the partners' rule is already met, the check completes the sign-off. Refusals are sentences.
/// </summary>
public static class ComplianceCheckRules
{
    public static IReadOnlyList<NewEvent> Confirm(Playbook playbook, CaseState state, string note, Actor actor, DateTimeOffset deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        if (playbook.SignOff.ComplianceCheck is not { } check)
        {
            throw new CaseRuleException($"The {playbook.Name} procedure has no business manager's check of the report before sign-off; the partners' sign-off is all it needs.");
        }

        if (!actor.IsBusinessManager)
        {
            throw new CaseRuleException($"Only a business manager can record the {check.Name}.");
        }

        if (!state.Exists || state.IsClosed || state.OutcomeKind != OutcomeKind.RapidReview)
        {
            throw new CaseRuleException($"Case {state.CaseCode} has no Rapid Review report waiting for sign-off.");
        }

        if (state.CurrentReportVersion is not { } version)
        {
            throw new CaseRuleException($"Case {state.CaseCode} has no report version yet: generate it first with \"report {state.CaseCode}\".");
        }

        if (state.SignedOffAt is not null || state.ComplianceCheck?.Version == version.Number)
        {
            return [];
        }

        var trimmed = note.Trim();
        var events = new List<NewEvent>
        {
            new(CaseEventTypes.ReportComplianceChecked, CaseJson.Write(new ReportComplianceChecked(version.Number, version.Sha256, trimmed.Length == 0 ? null : trimmed, actor, $"Version {version.Number} of the report {check.Confirms}.")), now),
        };
        if (SignOffEvaluator.Evaluate(playbook, [.. state.SignOffs.Values], now, deadline, now) is SignOffVerdict.SignedOff signedOff)
        {
            events.Add(new(CaseEventTypes.SignedOff, CaseJson.Write(new SignedOff(Actor.System, signedOff.Explanation)), now));
        }

        return events;
    }
}
