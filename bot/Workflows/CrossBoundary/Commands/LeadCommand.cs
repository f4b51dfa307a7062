using System.Text.RegularExpressions;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.CrossBoundary;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.CrossBoundary.Commands;

/// <summary>
/// "lead ‹case code› ‹local authority›": a business manager records which partnership leads a
/// cross-boundary case, one of the two local authorities the referral names. Recorded once; a
/// different answer later is refused with who recorded the first.
/// </summary>
public sealed partial class LeadCommand(CaseService cases, PartnershipDirectory directory) : IChatCommand
{
    public string Name => "lead";

    public string Usage => "lead ‹case code› ‹local authority›";

    public string Summary => "Records which partnership leads a cross-boundary case: the child's local authority or the incident's (business managers only).";

    public CommandAccess AccessFor(string arguments) => CommandAccess.BusinessManagers("Only a business manager can record which partnership leads a case. Nothing was changed.");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var example = $"Please type: {Usage}, for example: lead RR-OLD-2026-0007 Tameside. Nothing was changed.";
        var parts = request.Arguments.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !CaseCodeShape().IsMatch(parts[0].ToUpperInvariant()))
        {
            return CommandReply.Message(example);
        }

        var code = parts[0].ToUpperInvariant();
        if (cases.Playbooks.ForCaseCode(code) is null || await cases.FindAsync(code, cancellationToken).ConfigureAwait(false) is null)
        {
            return CommandReply.Message($"I can't find case {code}. Check the code; it looks like RR-OLD-2026-0007. Nothing was changed.");
        }

        var actor = CaseActors.From(directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name));
        CaseChange change;
        try
        {
            change = await cases.DecideAsync(code, (state, now) => CrossBoundaryRules.AgreeLead(state, parts[1], actor, now), cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + " Nothing was changed.");
        }

        var lead = change.State.LeadAuthority;
        return CommandReply.Message(change.Appended.Count == 0
            ? $"{code}: {lead}'s partnership is already recorded as leading; nothing was changed."
            : $"{code}: {lead}'s partnership leads the review; it is on the case's record.");
    }

    [GeneratedRegex(@"^RR-[A-Z]{2,4}-\d{4}-\d{1,6}$")]
    private static partial Regex CaseCodeShape();
}
