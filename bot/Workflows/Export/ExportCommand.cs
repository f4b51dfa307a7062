using System.Text.RegularExpressions;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Export;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Export;

/// <summary>
/// "export ‹case code›": the case's audit trail (every event: who, when, what, why) as a DOCX and a
/// CSV, emailed from the partnership mailbox to the work address the partnership lists for whoever
/// asked, and the export recorded on the trail. Business managers and the panel's members, in a
/// personal chat; the child's details go into a business manager's copy only.
/// </summary>
public sealed partial class ExportCommand(CaseService cases, AuditTrailMailer mailer, PartnershipDirectory directory) : IChatCommand
{
    public const string Delivery = "emailed to the requester from the partnership mailbox";

    public string Name => "export";

    public string Usage => "export ‹case code›";

    public string Summary => "Emails you the case's audit trail (every event: who, when, what and why) as a Word document and a CSV file, and records the export on the case.";

    public CommandAccess AccessFor(string arguments) => CommandAccess.AnyRole(
        "Only the partnership's business managers and panel members can export a case's audit trail. Nothing was sent.",
        "the audit trail is sent only to the person who asks");

    public async Task<CommandReply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caseCode = request.Arguments.Trim().ToUpperInvariant();
        if (!CaseCode().IsMatch(caseCode))
        {
            return CommandReply.Message($"Please type: {Usage}, for example: export RR-OLD-2026-0007. Nothing was sent.");
        }

        var email = RequesterEmail.Of(directory, request.Sender.AadObjectId);
        if (email is null)
        {
            return CommandReply.Message("The partnership lists no work email address for you, so I have nowhere to send the audit trail. Ask the bot's administrator to add it (Partnership:People, Email). Nothing was sent.");
        }

        if (!mailer.CanEmail)
        {
            return CommandReply.Message("The bot has no partnership mailbox to send the audit trail from (Graph:Mailbox is not set). Nothing was sent.");
        }

        if (cases.Playbooks.ForCaseCode(caseCode) is null || await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false) is null)
        {
            return CommandReply.Message($"I can't find case {caseCode}. Check the code; it looks like RR-OLD-2026-0007. Nothing was sent.");
        }

        var caller = directory.Identify(request.Sender.UserId, request.Sender.AadObjectId, request.Sender.TenantId, request.Sender.Name);
        var actor = CaseActors.From(caller);
        var withChild = caller.Holds(PartnershipRole.BusinessManager);
        var delivery = new AuditTrailDelivery(Guid.NewGuid().ToString("N")[..12], email);
        try
        {
            await cases.DecideAsync(
                caseCode,
                (state, now) => ExportRules.Export(state, delivery.ExportId, withChild, Delivery, actor, now),
                cancellationToken,
                beforeAppend: (_, ct) => mailer.ScheduleAsync(caseCode, delivery, ct)).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + " Nothing was sent.");
        }

        int events;
        try
        {
            events = await mailer.SendNowAsync(caseCode, delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CommandReply.Message($"{caseCode}: the export is recorded on the case, but the partnership mailbox could not send it just now. I'll try again in a few minutes and the email will come to {email}.");
        }

        var child = withChild ? "The Word document holds the child's details (business managers' copies only); the CSV never does." : "The child's details are left out: only a business manager's copy holds them.";
        return CommandReply.Message($"{caseCode}: I've emailed the audit trail ({events} events, this export the last) to {email} from the partnership mailbox, as a Word document and a CSV file. Teams can't send files to you in this chat, so they come by email. {child}");
    }

    [GeneratedRegex(@"^RR-[A-Z]{2,4}-\d{4}-\d{1,6}$")]
    private static partial Regex CaseCode();
}
