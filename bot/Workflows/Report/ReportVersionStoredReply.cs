using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Report;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>What the person who added a version in chat is told once it is stored: its number and hash,
/// and what it voided (the sign-offs and the compliance check given on the version before).</summary>
public static class ReportVersionStoredReply
{
    public static string Sentence(CaseState after, ReportVersion version, Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(playbook);
        var sentence = $"Stored as version {version.Number} of the report for {after.CaseCode} (SHA-256 {version.Sha256[..12]}…).";
        if (after.SignOffsVoidedByVersion == version.Number)
        {
            sentence += $" Sign-offs given on version {version.Number - 1} are void: each signing partner is sent the card for version {version.Number} and asked again.";
        }

        if (after.ComplianceCheckVoidedByVersion == version.Number)
        {
            sentence += $" The {playbook.SignOff.ComplianceCheck?.Name ?? "business manager's check"} recorded on version {version.Number - 1} is void too.";
        }

        return sentence + " The case's thread gets a card for it.";
    }
}
