using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// The author's next version attached in their personal chat with the bot. Whoever may send a version
/// to the partnership mailbox (the chair, the report's author, or a business manager) attaches the
/// .docx with the case code in the message; the bot fetches it from where Teams keeps it
/// (<see cref="ChatFileDownloads"/>), checks it opens as a Word document, and stores it as the case's
/// next version through <see cref="ReportVersionStore"/>, as a version by email is: the thread gets
/// its card and, when sign-offs were given on the version before, they are void and the partners are
/// asked again. Anyone else is refused in a sentence and the attempt is audited. The file's own name
/// is never repeated or logged: it may name the child.
/// </summary>
public sealed partial class ReportFileFromChat(
    PartnershipDirectory directory,
    CaseService cases,
    CaseIndexStore index,
    ReportVersionStore versions,
    ChatFileDownloads downloads,
    RefusalAudit audit,
    ILogger<ReportFileFromChat> logger) : IChatFileHandler
{
    public const string AuditAction = "file:report-version";

    private static readonly PartnershipRole[] Authors = [PartnershipRole.Chair, PartnershipRole.BusinessManager];

    public async Task<string> HandleAsync(ChatFileMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var who = directory.Identify(message.Sender.UserId, message.Sender.AadObjectId, message.Sender.TenantId, message.Sender.Name);
        if (!Authors.Any(who.Holds))
        {
            await audit.RecordAsync(AuditAction, who, message.ConversationId, message.ActivityId, RefusalAudit.LacksRole(who, Authors), cancellationToken).ConfigureAwait(false);
            return "Only the report's author (the chair) or a business manager can add a version of the report, so I did not take the file. This attempt is recorded.";
        }

        var documents = message.Files.Where(IsWordDocument).ToList();
        if (documents.Count == 0)
        {
            return "I take a Word document (.docx) as the next version of a report, and nothing attached is one, so nothing was stored.";
        }

        if (documents.Count > 1)
        {
            return $"You attached {documents.Count} Word documents; which one is the report is not clear, so none was stored. Please attach the one version alone.";
        }

        if (MailClassifier.CaseCode().Match(message.Text) is not { Success: true } code || cases.Playbooks.ForCaseCode(code.Value) is null)
        {
            return await WhichCaseAsync(cancellationToken).ConfigureAwait(false);
        }

        var caseCode = code.Value;
        var before = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return $"I have no case {caseCode}, so nothing was stored. Please check the case code and attach the file again.";
        }

        var file = documents[0];
        if (!downloads.IsAllowed(file.DownloadUrl))
        {
            await audit.RecordAsync(AuditAction, who, message.ConversationId, message.ActivityId, $"a file for {caseCode} whose download address is not a Teams file host", cancellationToken).ConfigureAwait(false);
        }

        var download = await downloads.FetchAsync(file.DownloadUrl, cancellationToken).ConfigureAwait(false);
        if (download.Content is not { } content)
        {
            return download.Refusal + $" Nothing was stored for {caseCode}.";
        }

        if (!ReportVersionMail.OpensAsWord(content))
        {
            return $"The file does not open as a Word document (it may be damaged, or not a .docx at all), so nothing was stored for {caseCode}. Please save it again from Word and attach it.";
        }

        var draft = new ReportDraft(caseCode, $"{caseCode} - Rapid Review report.docx", content, ReportVersionStore.Sha256(content));
        ReportVersion version;
        try
        {
            version = await versions.AddAsync(draft, ReportVersionSources.Chat, CaseActors.From(who), $"Attached in a personal chat by {who.DisplayName}.", cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return ex.Message + " The file was not stored as a version.";
        }

        if (before.CurrentReportVersion?.Sha256 == draft.Sha256)
        {
            return $"This file is already version {version.Number} of the report for {caseCode}; nothing changed.";
        }

        LogTaken(caseCode, version.Number);
        var after = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var voided = after.SignOffsVoidedByVersion == version.Number
            ? $" Sign-offs given on version {version.Number - 1} are void: each signing partner is sent the card for version {version.Number} and asked again."
            : string.Empty;
        return $"Stored as version {version.Number} of the report for {caseCode} (SHA-256 {draft.Sha256[..12]}…).{voided} The case's thread gets a card for it.";
    }

    /// <summary>No case code in the message: the cases open for a Rapid Review report, for the person to name one.</summary>
    private async Task<string> WhichCaseAsync(CancellationToken cancellationToken)
    {
        var open = new List<string>();
        foreach (var entry in (await index.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Where(e => e.Stage != nameof(CaseStage.Closed)).OrderBy(e => e.CaseCode, StringComparer.Ordinal))
        {
            if (await cases.FindAsync(entry.CaseCode, cancellationToken).ConfigureAwait(false) is { OutcomeKind: OutcomeKind.RapidReview, IsClosed: false } state)
            {
                open.Add(state.CurrentReportVersion is { } current ? $"{state.CaseCode} (now at version {current.Number})" : $"{state.CaseCode} (no version yet)");
            }
        }

        var example = open.Count > 0 ? open[0].Split(' ')[0] : "RR-OLD-2026-0007";
        var list = open.Count == 0 ? " No case is open for a Rapid Review report just now." : $" Cases with a Rapid Review report: {string.Join(", ", open)}.";
        return $"Which case is this version for? Please attach the file again with the case code in the message, for example \"{example}\"; nothing was stored.{list}";
    }

    private static bool IsWordDocument(ChatFile file) =>
        string.Equals(file.FileType, "docx", StringComparison.OrdinalIgnoreCase) || file.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report version {Version} for {CaseCode} taken from a personal chat.")]
    private partial void LogTaken(string caseCode, int version);
}
