using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Documents;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>A generated draft: the file, its SHA-256 (lower-case hex) and the case it is for.</summary>
public sealed record ReportDraft(string CaseCode, string FileName, byte[] Content, string Sha256);

/// <summary>
/// Generates the draft Rapid Review report for a case and emails it from the partnership mailbox.
/// The email's subject and body carry the case code only; the child's details are in the attached
/// document, which goes to named people of the partnership and nowhere else.
/// </summary>
public sealed partial class ReportDrafts(ReportFactsReader reader, MailSender mail, IOptions<MailboxOptions> mailbox, ILogger<ReportDrafts> logger)
{
    /// <summary>False when there is no partnership mailbox to send the draft from.</summary>
    public bool CanEmail => mailbox.Value.Enabled;

    /// <summary>The draft for <paramref name="caseCode"/>, or null when there is no such case.</summary>
    public async Task<ReportDraft?> GenerateAsync(string caseCode, CancellationToken cancellationToken)
    {
        var facts = await reader.ReadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (facts is null)
        {
            return null;
        }

        var content = RapidReviewReport.Write(facts);
        return new ReportDraft(facts.CaseCode, $"{facts.CaseCode} - Rapid Review report draft.docx", content, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>Emails the draft to each recipient once per <paramref name="onceKey"/> (by default the
    /// draft's hash): a repeat finds it sent.</summary>
    public async Task EmailAsync(ReportDraft draft, ReportVersion version, IReadOnlyList<string> recipients, string why, CancellationToken cancellationToken, string? onceKey = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var from = mailbox.Value.Mailbox is { Length: > 0 } connected ? connected : throw new InvalidOperationException("Graph:Mailbox is not set: the draft report is sent from the partnership mailbox.");
        foreach (var recipient in recipients.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            ArgumentNullException.ThrowIfNull(version);
            var body = $"Rapid Review {draft.CaseCode}: version {version.Number} of the draft report is attached ({why}).\n\n"
                + "It is pre-filled from the case: dates and deadlines, the referral, the threshold decision and each partner's rationale, "
                + "the agencies asked and what each returned, the merged chronology and the meeting. The highlighted places are for the author.\n\n"
                + $"Version hash (SHA-256): {draft.Sha256}\n\nThe document is confidential when completed: please keep it within the partnership.\n";
            await mail.SendAsync(
                from,
                new OutboundMail([recipient], $"Rapid Review {draft.CaseCode}: draft report, version {version.Number}", body, Attachments: [new OutboundAttachment(draft.FileName, RapidReviewReport.ContentType, draft.Content)]),
                $"report-draft:{draft.CaseCode}:{onceKey ?? draft.Sha256}:{recipient.ToLowerInvariant()}",
                cancellationToken).ConfigureAwait(false);
        }

        LogEmailed(draft.CaseCode, recipients.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft report for {CaseCode} emailed to {Recipients} people.")]
    private partial void LogEmailed(string caseCode, int recipients);
}
