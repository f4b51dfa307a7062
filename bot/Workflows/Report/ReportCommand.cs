using System.Text.RegularExpressions;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// "report ‹case code›": generates the draft Rapid Review report from the case in the
/// partnership's template and emails it from the partnership mailbox to whoever asked, at the work
/// address the partnership lists for them. Business managers and the chair, in a personal chat.
/// </summary>
public sealed partial class ReportCommand(ReportDrafts drafts, ReportVersionStore versions, PartnershipDirectory directory) : IChatCommand
{
    public string Name => "report";

    public string Usage => "report ‹case code›";

    public string Summary => "Generates the case's draft Rapid Review report in the partnership's template, pre-filled from the case, and emails it to you from the partnership mailbox.";

    public CommandAccess AccessFor(string arguments) => new(
        new HashSet<PartnershipRole> { PartnershipRole.BusinessManager, PartnershipRole.Chair },
        "Only a business manager or the chair can generate the draft report. Nothing was sent.",
        "the report is sent only to the person who asks");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var caseCode = request.Arguments.Trim().ToUpperInvariant();
        if (!CaseCode().IsMatch(caseCode))
        {
            return CommandReply.Message($"Please type: {Usage}, for example: report RR-OLD-2026-0007. Nothing was sent.");
        }

        var email = EmailOf(request.Sender.AadObjectId);
        if (email is null)
        {
            return CommandReply.Message("The partnership lists no work email address for you, so I have nowhere to send the report. Ask the bot's administrator to add it (Partnership:People, Email). Nothing was sent.");
        }

        if (!drafts.CanEmail)
        {
            return CommandReply.Message("The bot has no partnership mailbox to send the report from (Graph:Mailbox is not set). Nothing was sent.");
        }

        var draft = await drafts.GenerateAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return CommandReply.Message($"I can't find case {caseCode}. Check the code; it looks like RR-OLD-2026-0007. Nothing was sent.");
        }

        ReportVersion version;
        try
        {
            var actor = ThresholdDecision.CaseActors.From(directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name));
            version = await versions.AddAsync(draft, ReportVersionSources.Generated, actor, "Draft generated from the case on request in Teams.", cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + " Nothing was sent.");
        }

        await drafts.EmailAsync(draft, version, [email], "you asked for it in Teams", cancellationToken).ConfigureAwait(false);
        return CommandReply.Message($"{caseCode}: I've emailed version {version.Number} of the draft Rapid Review report to {email} from the partnership mailbox (SHA-256 {draft.Sha256[..12]}…). The highlighted places are for the author.");
    }

    private string? EmailOf(string? aadObjectId) => aadObjectId is null
        ? null
        : Enum.GetValues<PartnershipRole>().SelectMany(directory.WithRole)
            .Where(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Email?.Trim())
            .FirstOrDefault(e => !string.IsNullOrEmpty(e));

    [GeneratedRegex(@"^RR-[A-Z]{2,4}-\d{4}-\d{1,6}$")]
    private static partial Regex CaseCode();
}
