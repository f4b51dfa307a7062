using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;
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
/// its card. When it would void answers given on the current version (<see cref="NewVersionVoids"/>),
/// it is held instead (<see cref="HeldReportVersions"/>) and the sender asked on a card, so a file
/// dropped by mistake throws no sign-offs away (<see cref="HeldReportVersionDecision"/> takes the
/// answer). Anyone else is refused in a sentence and the attempt is audited. The file's own name is
/// never repeated or logged: it may name the child.
/// </summary>
public sealed partial class ReportFileFromChat(
    PartnershipDirectory directory,
    CaseService cases,
    CaseIndexStore index,
    ReportVersionStore versions,
    ChatFileDownloads downloads,
    HeldReportVersions heldFiles,
    RefusalAudit audit,
    ILogger<ReportFileFromChat> logger) : IChatFileHandler
{
    public const string AuditAction = "file:report-version";

    public static readonly PartnershipRole[] Authors = [PartnershipRole.Chair, PartnershipRole.BusinessManager];

    public async Task<CommandReply> HandleAsync(ChatFileMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var who = directory.Identify(message.Sender.UserId, message.Sender.AadObjectId, message.Sender.TenantId, message.Sender.Name);
        if (!Authors.Any(who.Holds))
        {
            await audit.RecordAsync(AuditAction, who, message.ConversationId, message.ActivityId, RefusalAudit.LacksRole(who, Authors), cancellationToken).ConfigureAwait(false);
            return CommandReply.Message("Only the report's author (the chair) or a business manager can add a version of the report, so I did not take the file. This attempt is recorded.");
        }

        var documents = message.Files.Where(IsWordDocument).ToList();
        if (documents.Count == 0)
        {
            return CommandReply.Message("I take a Word document (.docx) as the next version of a report, and nothing attached is one, so nothing was stored.");
        }

        if (documents.Count > 1)
        {
            return CommandReply.Message($"You attached {documents.Count} Word documents; which one is the report is not clear, so none was stored. Please attach the one version alone.");
        }

        if (MailClassifier.CaseCode().Match(message.Text) is not { Success: true } code || cases.Playbooks.ForCaseCode(code.Value) is null)
        {
            return CommandReply.Message(await WhichCaseAsync(cancellationToken).ConfigureAwait(false));
        }

        var caseCode = code.Value;
        var before = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return CommandReply.Message($"I have no case {caseCode}, so nothing was stored. Please check the case code and attach the file again.");
        }

        var file = documents[0];
        if (!downloads.IsAllowed(file.DownloadUrl))
        {
            await audit.RecordAsync(AuditAction, who, message.ConversationId, message.ActivityId, $"a file for {caseCode} whose download address is not a Teams file host", cancellationToken).ConfigureAwait(false);
        }

        var download = await downloads.FetchAsync(file.DownloadUrl, cancellationToken).ConfigureAwait(false);
        if (download.Content is not { } content)
        {
            return CommandReply.Message(download.Refusal + $" Nothing was stored for {caseCode}.");
        }

        if (!ReportVersionMail.OpensAsWord(content))
        {
            return CommandReply.Message($"The file does not open as a Word document (it may be damaged, or not a .docx at all), so nothing was stored for {caseCode}. Please save it again from Word and attach it.");
        }

        var draft = new ReportDraft(caseCode, $"{caseCode} - Rapid Review report.docx", content, ReportVersionStore.Sha256(content));
        if (await HoldIfItVoidsAsync(before, draft, who, cancellationToken).ConfigureAwait(false) is { } question)
        {
            return question;
        }

        ReportVersion version;
        try
        {
            // Agreed against nothing voided: an answer given while the file was fetched stops it, rather than being voided unasked.
            version = await versions.AddAsync(draft, ReportVersionSources.Chat, CaseActors.From(who), $"Attached in a personal chat by {who.DisplayName}.", cancellationToken, NewVersionVoids.Of(before)).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return CommandReply.Message(ex.Message + " The file was not stored as a version.");
        }

        if (before.CurrentReportVersion?.Sha256 == draft.Sha256)
        {
            return CommandReply.Message($"This file is already version {version.Number} of the report for {caseCode}; nothing changed.");
        }

        LogTaken(caseCode, version.Number);
        var after = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        return CommandReply.Message(ReportVersionStoredReply.Sentence(after, version, cases.Playbooks.Get(after.Partnership)));
    }

    /// <summary>
    /// A new file that would void answers given on the current version is not stored yet: it is held
    /// and the person is asked, on a card naming what it would void, whether to store it. Null when it
    /// voids nothing (no version yet, no answers yet, the same file again, or a case that takes no version).
    /// </summary>
    private async Task<CommandReply?> HoldIfItVoidsAsync(CaseState state, ReportDraft draft, Caller who, CancellationToken cancellationToken)
    {
        var voids = NewVersionVoids.Of(state);
        if (voids.IsEmpty || state.IsClosed || state.OutcomeKind != OutcomeKind.RapidReview || voids.OverSha256 == draft.Sha256 || voids.OverVersion is not { } over)
        {
            return null;
        }

        var held = await heldFiles.HoldAsync(draft.CaseCode, draft.Sha256, draft.Content, CaseActors.From(who), voids, cancellationToken).ConfigureAwait(false);
        LogHeld(draft.CaseCode, over + 1);
        var playbook = cases.Playbooks.Get(state.Partnership);
        var view = new HeldReportVersionView(draft.CaseCode, draft.Sha256, state.ReportVersions.Count + 1, over, voids.Lines(playbook), voids.ComplianceCheck is not null, BritishDates.DateAndTime(held.HeldUntil));
        return CommandReply.WithCard(HeldReportVersionCard.Question(view), $"This file would void answers given on version {over} of the report for {draft.CaseCode}, so I have not stored it yet.");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "A file for version {Version} of {CaseCode}'s report, attached in a personal chat, is held until its sender confirms it.")]
    private partial void LogHeld(string caseCode, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report version {Version} for {CaseCode} taken from a personal chat.")]
    private partial void LogTaken(string caseCode, int version);
}
