using System.Globalization;
using System.Text;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>
/// The email telling the referrer the threshold decision. The referrer is often outside the
/// partnership: they get the panel's decision, the rationale recorded with it and what happens next,
/// never each panel member's own words (no seed asks for them; Oldham's only asks that "the OSCP
/// business manager will give a clear rationale for this decision to the referrer", seed-000 §3).
/// </summary>
public static class ReferrerDecisionLetter
{
    public static (string Subject, string Body) Write(Playbook playbook, CaseState state, DecisionRecorded decision, DateTimeOffset? resubmitBy)
    {
        var body = new StringBuilder();
        body.AppendLine("Dear colleague,").AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Thank you for your referral received on {BritishDates.DateAndTime(state.ReceivedAt)}, which the {playbook.Name} has considered (our reference {state.CaseCode}).").AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Decision: {decision.OutcomeLabel}").AppendLine();
        body.AppendLine(decision.DecidedBy == "panel" ? "How the panel reached it:" : "Rationale:");
        body.AppendLine(decision.Rationale);
        if (playbook.FindOutcome(decision.Outcome) is { SetsInMotion.Count: > 0 } outcome && state.OutcomeKind != OutcomeKind.IncompleteReferral)
        {
            body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"What happens next: {string.Join("; ", outcome.SetsInMotion)}.");
        }

        if (state.OutcomeKind == OutcomeKind.IncompleteReferral)
        {
            body.AppendLine().AppendLine(resubmitBy is { } due
                ? $"Please re-submit the updated referral to {playbook.Mailbox.Address} by {BritishDates.DateAndTime(due)}, quoting {state.CaseCode}."
                : $"Please send what is missing to {playbook.Mailbox.Address}, quoting {state.CaseCode}; the referral goes back to the panel when it arrives.");
        }

        body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{playbook.Name} business unit");
        return ($"{state.CaseCode}: threshold decision on your referral", body.ToString());
    }
}
