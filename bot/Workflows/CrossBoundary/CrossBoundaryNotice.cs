using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Workflows.CrossBoundary;

/// <summary>The email that tells a neighbouring partnership of a cross-boundary case: the case code,
/// the two local authorities and whom to contact. Never the child's name, date of birth or address.</summary>
public static class CrossBoundaryNotice
{
    public static string Subject(string caseCode) => $"Rapid Review {caseCode}: cross-boundary case notice";

    public static string OnceKey(string caseCode, string authority) => $"cross-boundary:{caseCode}:{authority.Trim().ToUpperInvariant()}";

    public static OutboundMail For(CaseState state, Playbook playbook, string authority, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(playbook);
        var body = $"{playbook.Name} has opened Rapid Review case {state.CaseCode} on a referral that crosses a boundary with {authority}:\n\n"
            + $"- Local authority where the child ordinarily resides: {state.ResidenceAuthority}\n"
            + $"- Local authority where the incident occurred: {state.IncidentAuthority}\n\n"
            + "The partnerships need to agree which of them leads the review and how the other takes part in the decisions.\n\n"
            + $"Please contact {playbook.Name}'s business unit at {from}, quoting {state.CaseCode}. "
            + "This notice names the case by its code only; the child's details are shared between the partnerships by the usual secure route.\n";
        return new OutboundMail([to], Subject(state.CaseCode), body);
    }
}
