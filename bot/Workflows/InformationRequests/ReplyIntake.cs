using System.Security.Cryptography;
using System.Text;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>The request a reply answers and the rule that placed it.</summary>
public sealed record RequestReplyMatch(string CaseCode, string Agency, MatchRule Rule);

/// <summary>Where a reply was placed: <paramref name="Match"/>, or why not; <paramref name="RefusedFor"/> is the
/// request it threads onto when its sender may not answer for that agency.</summary>
public sealed record ReplyPlacement(RequestReplyMatch? Match, string Why, RequestIdentity? RefusedFor);

/// <summary>
/// Takes an email that may answer an information request: places it with <see cref="ReplyMatcher"/>
/// against the requests of every case with requests open, screens and stores its attachments,
/// decides what it amounts to (<see cref="ReplyClassifier"/>) and records it on the request with the
/// rule that matched. An automatic reply is recorded but changes nothing. A reply no rule places, or
/// one from someone who may not answer for the agency, is reported unmatched: mail intake shows it
/// to the business managers. Logs carry case codes,
/// agencies and rules, never the body.
/// </summary>
public sealed partial class ReplyIntake(
    CaseService cases,
    RequestCaseIndex openCases,
    ReturnFileStore files,
    ILogger<ReplyIntake> logger)
{
    public async Task<ReplyOutcome> TakeAsync(AgencyMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var placement = await MatchAsync(mail, cancellationToken).ConfigureAwait(false);
        return placement.Match is null ? new ReplyOutcome.Unmatched(placement.Why) : await RecordAsync(placement.Match, mail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The request the mail answers, or null and why not.</summary>
    public async Task<ReplyPlacement> MatchAsync(AgencyMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var open = new List<RequestBook>();
        foreach (var code in await openCases.OpenCasesAsync(cancellationToken).ConfigureAwait(false))
        {
            open.Add((await cases.LoadAsync(code, cancellationToken).ConfigureAwait(false)).Requests);
        }

        var incoming = new IncomingMessage(mail.InternetMessageId, mail.Subject, mail.FromAddress, mail.Header("In-Reply-To"), mail.Header("References"), mail.ConversationId);
        var match = ReplyMatcher.Match(incoming, [.. open.SelectMany(b => b.Identities)]);
        if (match.Request is not { } request || match.Rule is not { } rule)
        {
            LogUnmatched(match.Explanation);
            return new ReplyPlacement(null, match.Explanation, match.RefusedFor);
        }

        return new ReplyPlacement(new RequestReplyMatch(request.CaseCode, request.Agency, rule), match.Explanation, null);
    }

    public async Task<ReplyOutcome> RecordAsync(RequestReplyMatch match, AgencyMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(mail);
        var before = (await cases.LoadAsync(match.CaseCode, cancellationToken).ConfigureAwait(false)).Requests;
        if (before.SeenReplies.Contains(mail.InternetMessageId))
        {
            return new ReplyOutcome.AlreadyRecorded(match.CaseCode);
        }

        var automatic = ReplyClassifier.IsAutomatic(mail.Headers, mail.Subject);
        var attachments = automatic ? [] : await StoreAttachmentsAsync(match.CaseCode, mail, cancellationToken).ConfigureAwait(false);
        var kind = automatic
            ? ReplyKind.Automatic
            : ReplyClassifier.Classify(mail.Headers, mail.Subject, mail.BodyText, attachments.Any(a => a.Accepted));
        var reply = new ReplyRecorded(match.Agency, mail.InternetMessageId, mail.GraphId, mail.FromAddress, mail.ReceivedAt, match.Rule, kind, attachments);
        var outcome = await cases.DecideAsync(match.CaseCode, (s, now) => RequestRules.RecordReply(s.Requests, reply, now), cancellationToken).ConfigureAwait(false);
        if (outcome.Appended.Count == 0)
        {
            return new ReplyOutcome.AlreadyRecorded(match.CaseCode);
        }

        var kept = attachments.Count(a => a.Accepted);
        LogRecorded(match.CaseCode, match.Agency, match.Rule, kind, kept, attachments.Count - kept);
        return new ReplyOutcome.Recorded(match.CaseCode, match.Agency, match.Rule, kind, attachments, outcome.State.Requests);
    }

    private async Task<IReadOnlyList<ReplyAttachment>> StoreAttachmentsAsync(string caseCode, AgencyMail mail, CancellationToken cancellationToken)
    {
        var stored = new List<ReplyAttachment>();
        var messageKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mail.InternetMessageId)))[..20];
        for (var i = 0; i < mail.Attachments.Count; i++)
        {
            var attachment = mail.Attachments[i];
            var size = attachment.IsFile ? Math.Max(attachment.Size, attachment.Content.Length) : attachment.Size;
            var refusal = AttachmentPolicy.Refusal(attachment.Name, attachment.IsFile, size, attachment.Content.Span[..Math.Min(8, attachment.Content.Length)])
                ?? WordScreenRefusal(attachment);
            if (refusal is not null)
            {
                stored.Add(new ReplyAttachment(attachment.Name, attachment.ContentType, size, false, refusal, null));
                continue;
            }

            // Keyed by message and position, so storing again after a crash replaces, never duplicates.
            var id = $"{caseCode}|{messageKey}|{i}";
            await files.SaveAsync(new StoredFile(id, attachment.Name, attachment.ContentType, attachment.Content), cancellationToken).ConfigureAwait(false);
            stored.Add(new ReplyAttachment(attachment.Name, attachment.ContentType, size, true, null, id));
        }

        return stored;
    }

    /// <summary>A returned DOCX is unpacked later to read its chronology, so it passes the referral forms' screen first.</summary>
    internal static string? WordScreenRefusal(AgencyMailAttachment attachment) =>
        AttachmentPolicy.IsWordDocument(attachment.Name)
            ? ReturnScreen.Refusal(new MailAttachment(attachment.Name, attachment.ContentType, attachment.Size, attachment.IsFile, attachment.Content))
            : null;

    internal static AttachmentScreen ReturnScreen { get; } = new(AttachmentPolicy.MaxBytes, AttachmentPolicy.MaxUnpackedBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply recorded on {CaseCode} for {Agency}: matched by {Rule}, {Kind}, {Accepted} file(s) kept, {Refused} refused.")]
    private partial void LogRecorded(string caseCode, string agency, MatchRule rule, ReplyKind kind, int accepted, int refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail matched no information request ({Why}).")]
    private partial void LogUnmatched(string why);
}
