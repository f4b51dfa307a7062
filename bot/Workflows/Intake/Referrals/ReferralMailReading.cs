using System.Net;
using System.Text.RegularExpressions;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Intake;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>What an email says as a referral: the form's fields (or labelled text), the attachments
/// refused and why, whether it is a referral or a Serious Incident Notification, and its text.</summary>
public sealed record ReferralMailRead(ReferralDetails? Details, IReadOnlyList<string> Refusals, string ReferralKind, string Text);

/// <summary>
/// Reads an email as a referral: every attachment that may be a form passes the attachment screen
/// and the form readers; without a form (and with nothing refused) the labelled text of the body is
/// read instead. Mail intake and a person opening a case from Outlook read with this one reader, so
/// a case holds the same whichever way it came in.
/// </summary>
public static partial class ReferralMailReading
{
    private static readonly string[] DocumentLikeExtensions = [".docx", ".docm", ".doc", ".dotx", ".dotm", ".zip", ".pdf", ".rtf", ".odt"];

    public static ReferralMailRead Read(InboundMail mail, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(options);
        var screen = new AttachmentScreen(options.MaxAttachmentBytes, options.MaxUnpackedBytes);
        var refusals = new List<string>();
        ReferralDetails? details = null;
        foreach (var attachment in mail.Attachments.Where(LooksLikeAForm))
        {
            if (screen.Refusal(attachment) is { } refusal)
            {
                refusals.Add(refusal);
                continue;
            }

            var read = ReferralFormReader.Read(attachment.Content);
            if (read.Details is null)
            {
                refusals.Add($"{AttachmentScreen.Describe(attachment.Name)}: {read.RefusalReason}");
            }
            else
            {
                details ??= read.Details;
            }
        }

        var text = mail.BodyIsHtml ? WebUtility.HtmlDecode(Tags().Replace(Breaks().Replace(mail.Body, "\n"), string.Empty)) : mail.Body;
        if (details is null && refusals.Count == 0)
        {
            details = PlainTextReferralReader.Read(text);
        }

        return new ReferralMailRead(details, refusals, ReferralKindReader.Of(mail.Subject, text, details), text);
    }

    /// <summary>Documents and archives are screened; pictures in signatures are not forms.</summary>
    private static bool LooksLikeAForm(MailAttachment attachment) =>
        attachment.IsFile
        && (DocumentLikeExtensions.Any(e => attachment.Name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || !attachment.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<\s*(br|/p|/div|/tr|/li)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();
}
