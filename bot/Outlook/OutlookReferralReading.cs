using TeamsReviewBot.Process.Intake;
using System.Net;
using System.Text.RegularExpressions;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Outlook;

/// <summary>What intake can read of an email as a referral: the form's fields (or labelled text),
/// the attachments refused and why, and whether it is a referral or a Serious Incident Notification.</summary>
public sealed record OutlookReferralRead(ReferralDetails? Details, IReadOnlyList<string> Refusals, string ReferralKind);

/// <summary>
/// Reads an email as intake reads a referral (the same readers and attachment screen), so the
/// case a person opens from Outlook holds what intake would have recorded, flags included.
/// </summary>
public static partial class OutlookReferralReading
{
    private static readonly string[] DocumentLikeExtensions = [".docx", ".docm", ".doc", ".dotx", ".dotm", ".zip", ".pdf", ".rtf", ".odt"];

    public static OutlookReferralRead Read(InboundMail mail, IntakeOptions options)
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

        return new OutlookReferralRead(details, refusals, ReferralKindReader.Of(mail.Subject, text, details));
    }

    private static bool LooksLikeAForm(MailAttachment attachment) =>
        attachment.IsFile
        && (DocumentLikeExtensions.Any(e => attachment.Name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || !attachment.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<\s*(br|/p|/div|/tr|/li)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();
}
