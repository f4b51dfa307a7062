using System.Security.Cryptography;
using System.Text;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// Takes an email that may answer an information request: places it with <see cref="ReplyMatcher"/>
/// against the requests of every case with requests open, screens and stores its attachments,
/// decides what it amounts to (<see cref="ReplyClassifier"/>) and records it on the request with the
/// rule that matched. An automatic reply is recorded but changes nothing; a reply no rule places is
/// kept for the business managers. Logs carry case codes, agencies and rules, never the body.
/// </summary>
public sealed partial class ReplyIntake(
    AggregateStore<RequestBook> books,
    RequestCaseIndex openCases,
    ReturnFileStore files,
    UnmatchedMailStore unmatched,
    TimeProvider time,
    ILogger<ReplyIntake> logger)
{
    public async Task<ReplyOutcome> TakeAsync(AgencyMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var open = new List<RequestBook>();
        foreach (var code in await openCases.OpenCasesAsync(cancellationToken).ConfigureAwait(false))
        {
            open.Add((await books.LoadAsync(RequestBook.StreamIdFor(code), cancellationToken).ConfigureAwait(false)).State);
        }

        if (open.FirstOrDefault(b => b.SeenReplies.Contains(mail.InternetMessageId)) is { } seen)
        {
            return new ReplyOutcome.AlreadyRecorded(seen.CaseCode ?? string.Empty);
        }

        var incoming = new IncomingMessage(mail.InternetMessageId, mail.Subject, mail.FromAddress, mail.Header("In-Reply-To"), mail.Header("References"), mail.ConversationId);
        var match = ReplyMatcher.Match(incoming, [.. open.SelectMany(b => b.Identities)]);
        if (match.Request is not { } request || match.Rule is not { } rule)
        {
            var first = await unmatched.KeepAsync(new UnmatchedMail(mail.InternetMessageId, mail.GraphId, mail.FromAddress, mail.Subject, mail.ReceivedAt, match.Explanation), cancellationToken).ConfigureAwait(false);
            LogUnmatched(match.Explanation);
            return new ReplyOutcome.Unmatched(match.Explanation, first);
        }

        var automatic = ReplyClassifier.IsAutomatic(mail.Headers, mail.Subject);
        var attachments = automatic ? [] : await StoreAttachmentsAsync(request.CaseCode, mail, cancellationToken).ConfigureAwait(false);
        var kind = automatic
            ? ReplyKind.Automatic
            : ReplyClassifier.Classify(mail.Headers, mail.Subject, mail.BodyText, attachments.Any(a => a.Accepted));
        var reply = new ReplyRecorded(request.Agency, mail.InternetMessageId, mail.GraphId, mail.FromAddress, mail.ReceivedAt, rule, kind, attachments);
        var outcome = await books.ExecuteAsync(
            RequestBook.StreamIdFor(request.CaseCode),
            book => RequestRules.RecordReply(book, reply, time.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        var kept = attachments.Count(a => a.Accepted);
        LogRecorded(request.CaseCode, request.Agency, rule, kind, kept, attachments.Count - kept);
        return new ReplyOutcome.Recorded(request.CaseCode, request.Agency, rule, kind, attachments, outcome.Current.State);
    }

    private async Task<IReadOnlyList<ReplyAttachment>> StoreAttachmentsAsync(string caseCode, AgencyMail mail, CancellationToken cancellationToken)
    {
        var stored = new List<ReplyAttachment>();
        var messageKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mail.InternetMessageId)))[..20];
        for (var i = 0; i < mail.Attachments.Count; i++)
        {
            var attachment = mail.Attachments[i];
            var size = attachment.IsFile ? Math.Max(attachment.Size, attachment.Content.Length) : attachment.Size;
            var refusal = AttachmentPolicy.Refusal(attachment.Name, attachment.IsFile, size, attachment.Content.Span[..Math.Min(8, attachment.Content.Length)]);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply recorded on {CaseCode} for {Agency}: matched by {Rule}, {Kind}, {Accepted} file(s) kept, {Refused} refused.")]
    private partial void LogRecorded(string caseCode, string agency, MatchRule rule, ReplyKind kind, int accepted, int refused);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply matched no information request ({Why}); kept for the business managers.")]
    private partial void LogUnmatched(string why);
}
