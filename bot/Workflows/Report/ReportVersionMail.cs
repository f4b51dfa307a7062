using System.IO.Packaging;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>What became of a mail carrying a report version: taken as a version, or refused with a
/// sentence for the business managers.</summary>
public sealed record ReportVersionMailOutcome(bool Taken, string Text, string CaseCode);

/// <summary>
/// The author's next version by email: a message to the partnership mailbox with one of our case codes
/// in the subject and a Word document (.docx) attached, from the chair (the report's author) or a
/// business manager as the partnership lists them (Partnership:People, Email), whose domain the
/// receiving server authenticated (Authentication-Results, as for the National Panel: anyone can
/// write a From line). The file becomes the case's next report version; the thread and the signing
/// partners hear of it from the version's own announcement.
/// </summary>
public sealed class ReportVersionMail(CaseService cases, ReportVersionStore versions, PartnershipDirectory directory)
{
    private static readonly PartnershipRole[] Authors = [PartnershipRole.Chair, PartnershipRole.BusinessManager];

    /// <summary>The case code, when the mail looks like a report version: a case code of ours in the
    /// subject, a .docx attached, and a sender the partnership lists as chair or business manager.</summary>
    public string? CandidateCase(InboundMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (MailClassifier.CaseCode().Match(mail.Subject) is not { Success: true } code || cases.Playbooks.ForCaseCode(code.Value) is null)
        {
            return null;
        }

        return mail.Attachments.Any(IsWordDocument) && Sender(mail) is not null ? code.Value : null;
    }

    public async Task<ReportVersionMailOutcome> TakeAsync(InboundMail mail, string caseCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var sender = Sender(mail)!;
        if (!AuthenticationResults.PassesFor(mail.Header(AuthenticationResults.HeaderName), mail.FromAddress))
        {
            return new(false, $"A report version for {caseCode} from {sender.Name ?? "a listed author"}, but the receiving server did not authenticate the sender's domain (no SPF, DKIM or DMARC pass), so it was not taken as a version. Check it with the sender and add it by hand.", caseCode);
        }

        var documents = mail.Attachments.Where(IsWordDocument).ToList();
        if (documents.Count > 1)
        {
            return new(false, $"A report version for {caseCode} came with {documents.Count} Word documents; which one is the report is not clear, so none was taken. Ask the author to send the one version alone.", caseCode);
        }

        var file = documents[0];
        if (file.Content.IsEmpty)
        {
            return new(false, $"The report version for {caseCode} ({file.Size} bytes) was too large to read from the mailbox, so it was not taken.", caseCode);
        }

        var content = file.Content.ToArray();
        if (!OpensAsWord(content))
        {
            return new(false, $"The file attached for {caseCode} is named as a Word document but does not open as one, so it was not taken as a report version.", caseCode);
        }

        var actor = new Actor(sender.AadObjectId ?? sender.Email!, sender.Name ?? sender.Email!, sender.Role == PartnershipRole.Chair ? Roles.Chair : Roles.BusinessManager, null);
        var draft = new ReportDraft(caseCode, $"{caseCode} - Rapid Review report.docx", content, Convert.ToHexStringLower(SHA256.HashData(content)));
        try
        {
            var version = await versions.AddAsync(draft, ReportVersionSources.Email, actor, $"Sent to the partnership mailbox by {actor.Name}.", cancellationToken).ConfigureAwait(false);
            return new(true, $"report version {version.Number} for {caseCode} from {actor.Name}", caseCode);
        }
        catch (CaseRuleException ex)
        {
            return new(false, ex.Message + " The attached report was not taken as a version.", caseCode);
        }
    }

    private PersonOptions? Sender(InboundMail mail) =>
        mail.FromAddress is { Length: > 0 } from
            ? Authors.SelectMany(directory.WithRole).FirstOrDefault(p => string.Equals(p.Email?.Trim(), from.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;

    private static bool IsWordDocument(MailAttachment attachment) =>
        attachment.IsFile && attachment.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the bytes open as a Word document with a body (Open XML SDK).</summary>
    internal static bool OpensAsWord(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            return document.MainDocumentPart is not null;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            return false;
        }
    }
}
