using System.Globalization;
using System.Text.RegularExpressions;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>What an e-mail to the partnership mailbox is.</summary>
public enum MailKind
{
    /// <summary>An automatic reply or out-of-office: never taken as anything else.</summary>
    AutomaticReply,

    /// <summary>An agency's reply to one of our information requests.</summary>
    InformationRequestReply,

    /// <summary>From the National Child Safeguarding Practice Review Panel.</summary>
    NationalPanel,

    /// <summary>A new referral.</summary>
    Referral,

    /// <summary>Anything else: shown to the business managers.</summary>
    Other,
}

/// <summary>The verdict and the sentence that explains it (shown to business managers; no personal details).</summary>
public sealed record MailClassification(MailKind Kind, string Reason, string? CaseCode = null, DateOnly? ExpectedResponseDate = null);

/// <summary>
/// Sorts mail by rules that look at headers, sender and shape, never at what the child's details
/// are. Information-request replies are recognised by <see cref="IInformationRequestReplies"/>.
/// </summary>
public sealed partial class MailClassifier(IntakeOptionsSnapshot options)
{
    private static readonly string[] AutoReplySubjectPrefixes =
    [
        "automatic reply:", "auto reply:", "autoreply:", "auto-reply:", "out of office", "out of the office", "ooo:",
    ];

    private static readonly string[] WordExtensions = [".docx", ".docm", ".doc", ".dotx", ".dotm"];

    public MailClassification Classify(InboundMail mail, bool isInformationRequestReply)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (AutomaticReplyReason(mail) is { } autoReason)
        {
            return new MailClassification(MailKind.AutomaticReply, autoReason);
        }

        if (isInformationRequestReply)
        {
            return new MailClassification(MailKind.InformationRequestReply, "A reply to an information request.");
        }

        var caseCode = CaseCode().Match(mail.Subject + "\n" + mail.Body) is { Success: true } code ? code.Value : null;
        if (IsNationalPanel(mail.FromAddress))
        {
            // Anyone can write the Panel's address in From: only mail the receiving server
            // authenticated for that domain may set a case's dates.
            return AuthenticationResults.PassesFor(mail.Header(AuthenticationResults.HeaderName), mail.FromAddress)
                ? new MailClassification(MailKind.NationalPanel, "From the National Panel.", caseCode, ExpectedResponseDate(mail.Body))
                : new MailClassification(MailKind.Other, "Says it is from the National Panel, but its authentication results do not show SPF, DKIM or DMARC passing for that domain, so it sets no dates.", caseCode);
        }

        if (caseCode is not null)
        {
            return new MailClassification(MailKind.Other, $"Mentions case {caseCode} but matches no request.", caseCode);
        }

        if (mail.Attachments.Any(a => a.IsFile && WordExtensions.Any(e => a.Name.EndsWith(e, StringComparison.OrdinalIgnoreCase))))
        {
            return new MailClassification(MailKind.Referral, "Carries a Word form.");
        }

        if (ReferralSubject().IsMatch(mail.Subject))
        {
            return new MailClassification(MailKind.Referral, "The subject names a referral or case notification.");
        }

        if (PlainTextReferralReader.Read(mail.Body) is not null)
        {
            return new MailClassification(MailKind.Referral, "The text sets out a referral using the form's labels.");
        }

        return new MailClassification(MailKind.Other, "Not a referral, a reply we are waiting for, or from the National Panel.");
    }

    /// <summary>RFC 3834 Auto-Submitted, Exchange's X-Auto-Response-Suppress and autoreply headers, Precedence, and the subjects Outlook uses.</summary>
    internal static string? AutomaticReplyReason(InboundMail mail)
    {
        var autoSubmitted = mail.Header("Auto-Submitted");
        if (autoSubmitted is not null && !autoSubmitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return "Auto-Submitted: " + autoSubmitted.Trim();
        }

        if (mail.Header("X-Auto-Response-Suppress") is not null || mail.Header("X-Autoreply") is not null || mail.Header("X-Autorespond") is not null)
        {
            return "Marked as an automatic response by its headers.";
        }

        if (mail.Header("Precedence") is { } precedence && precedence.Trim().ToLowerInvariant() is "auto_reply" or "bulk" or "junk")
        {
            return "Precedence: " + precedence.Trim();
        }

        var subject = mail.Subject.Trim();
        return AutoReplySubjectPrefixes.Any(p => subject.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            ? "The subject is an automatic reply or out-of-office."
            : null;
    }

    private bool IsNationalPanel(string? from) =>
        from is not null && options.NationalPanelSenders.Any(s =>
            s.StartsWith('@') ? from.EndsWith(s, StringComparison.OrdinalIgnoreCase) : from.Equals(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The date after "expected response date" (or "respond by"), in the formats the Panel writes.</summary>
    internal static DateOnly? ExpectedResponseDate(string body)
    {
        var match = ExpectedDate().Match(body);
        if (!match.Success)
        {
            return null;
        }

        string[] formats = ["d MMMM yyyy", "dd MMMM yyyy", "d MMM yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dddd d MMMM yyyy", "dddd, d MMMM yyyy"];
        var text = Regex.Replace(match.Groups["date"].Value.Trim().TrimEnd('.', ','), @"(\d)(st|nd|rd|th)\b", "$1");
        return DateOnly.TryParseExact(text, formats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
    }

    [GeneratedRegex(@"\bRR-[A-Z]{2,6}-\d{4}-\d{4}\b")]
    internal static partial Regex CaseCode();

    [GeneratedRegex(@"\b(referral|case notification|notification form|serious incident notification|case for consideration)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReferralSubject();

    [GeneratedRegex(@"(expected response date|respond by|response by|expect to respond by|response is expected by)\s*(is|of|:|on)?\s*(?<date>(\w+,?\s+)?\d{1,2}(st|nd|rd|th)?[ /.-]\w+[ /.-]\d{2,4}|\d{4}-\d{2}-\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex ExpectedDate();
}

/// <summary>The parts of <see cref="IntakeOptions"/> the classifier needs, fixed at start-up.</summary>
public sealed record IntakeOptionsSnapshot(IReadOnlyList<string> NationalPanelSenders);
