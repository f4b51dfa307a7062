using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;
using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Reads one message, takes it in the ledger (once per internetMessageId), classifies it and acts:
/// opens a case for a referral and acknowledges it, hands replies on, records the National Panel's
/// response date, and puts everything else in front of the business managers. Logs carry ids and
/// outcomes only, never the child's details.
/// </summary>
public sealed partial class MailIntakeProcessor(
    MailboxReader reader,
    MailSender sender,
    IntakeLedger ledger,
    MailForReviewStore review,
    MailClassifier classifier,
    IInformationRequestReplies replies,
    IReferralCaseOpener cases,
    TeamsReviewBot.Workflows.Outbound.IBusinessManagerAlerts alerts,
    IOptions<MailboxOptions> mailboxOptions,
    IOptions<IntakeOptions> intakeOptions,
    ILogger<MailIntakeProcessor> logger,
    TeamsReviewBot.Workflows.Report.ReportVersionMail? reportVersions = null,
    IEnumerable<ICaseMailFollowUp>? followUps = null)
{
    private string Mailbox => mailboxOptions.Value.Mailbox ?? throw new InvalidOperationException("Graph:Mailbox is not set.");

    /// <summary>Processes the message; returns what happened, in words fit for a log line.</summary>
    public async Task<string> ProcessAsync(string messageId, CancellationToken cancellationToken)
    {
        // Graph lists the attachments with their sizes first; bytes are fetched only for files no
        // larger than a referral form may be (a reply's larger returns are fetched once it is matched).
        var mail = await reader.GetAsync(Mailbox, messageId, intakeOptions.Value.MaxAttachmentBytes, cancellationToken).ConfigureAwait(false);
        if (mail is null)
        {
            return "gone from the mailbox";
        }

        var beginning = await ledger.BeginAsync(Mailbox, mail.InternetMessageId, mail.Id, mailboxOptions.Value.WorkLease, cancellationToken).ConfigureAwait(false);
        if (beginning.Taken is not { } entry)
        {
            // Held by another pass: this work comes back in case that pass never finishes.
            return beginning.HeldElsewhereUntil is { } until
                ? throw new IntakeMessageHeldException(mail.InternetMessageId, until)
                : "already taken in";
        }

        // Every ledger write is made under the ETag last seen, so this holds the latest entry.
        var held = new LedgerHold(entry);
        string outcome;
        try
        {
            outcome = entry.Status == IntakeStatus.CaseOpened && entry.CaseCode is not null
                ? await AcknowledgeAsync(mail, entry.CaseCode, held, earlierAttemptPossible: true, cancellationToken).ConfigureAwait(false)
                : await ClassifyAndActAsync(mail, held, cancellationToken).ConfigureAwait(false);
            held.Entry = await ledger.MoveAsync(held.Entry, IntakeStatus.Done, outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Let the retry of this work take the message straight away.
            await ledger.ReleaseAsync(held.Entry, held.CaseOpened, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        LogProcessed(logger, mail.InternetMessageId, outcome);
        return outcome;
    }

    private async Task<string> ClassifyAndActAsync(InboundMail mail, LedgerHold held, CancellationToken cancellationToken)
    {
        InformationRequestMatch? match = null;
        if (MailClassifier.AutomaticReplyReason(mail) is null)
        {
            foreach (var followUp in followUps ?? [])
            {
                if (await followUp.TakeAsync(mail, cancellationToken).ConfigureAwait(false) is { } taken)
                {
                    return taken;
                }
            }

            match = await replies.MatchAsync(mail, cancellationToken).ConfigureAwait(false);
        }

        if (match?.RefusedBecause is { } refused)
        {
            await ShowAsync(mail, refused, match.CaseCode, cancellationToken).ConfigureAwait(false);
            return "shown to business managers: " + refused;
        }

        // The author's next report version: a case code in the subject and a .docx, from a listed author
        // (where the report workflow is registered).
        if (match is null && reportVersions is not null && MailClassifier.AutomaticReplyReason(mail) is null && reportVersions.CandidateCase(mail) is { } reportCase)
        {
            var taken = await reportVersions.TakeAsync(await WithReturnsAsync(mail, cancellationToken).ConfigureAwait(false), reportCase, cancellationToken).ConfigureAwait(false);
            if (taken.Taken)
            {
                return taken.Text;
            }

            await ShowAsync(mail, taken.Text, taken.CaseCode, cancellationToken).ConfigureAwait(false);
            return "shown to business managers: " + taken.Text;
        }

        var verdict = classifier.Classify(mail, match is not null);
        switch (verdict.Kind)
        {
            case MailKind.AutomaticReply:
                return "automatic reply, nothing opened";
            case MailKind.InformationRequestReply:
                mail = await WithReturnsAsync(mail, cancellationToken).ConfigureAwait(false);
                await replies.RecordReplyAsync(match!, mail, cancellationToken).ConfigureAwait(false);
                return $"reply to information request {match!.RequestId} on {match.CaseCode} (matched by {match.MatchedBy})";
            case MailKind.NationalPanel:
                return await NationalPanelAsync(mail, verdict, cancellationToken).ConfigureAwait(false);
            case MailKind.Referral:
                return await ReferralAsync(mail, held, cancellationToken).ConfigureAwait(false);
            default:
                await ShowAsync(mail, verdict.Reason, verdict.CaseCode, cancellationToken).ConfigureAwait(false);
                return "shown to business managers: " + verdict.Reason;
        }
    }

    /// <summary>A return may be larger than a referral form: files left unread for their size, but
    /// within the returns' limit, are fetched now (the rest stay unread and are refused by size).</summary>
    private Task<InboundMail> WithReturnsAsync(InboundMail mail, CancellationToken cancellationToken) =>
        reader.ReadUnreadAttachmentsAsync(Mailbox, mail, TeamsReviewBot.Process.InformationRequests.AttachmentPolicy.MaxBytes, cancellationToken);

    private async Task<string> NationalPanelAsync(InboundMail mail, MailClassification verdict, CancellationToken cancellationToken)
    {
        if (verdict.CaseCode is not null && verdict.ExpectedResponseDate is { } expected)
        {
            try
            {
                await cases.RecordPanelResponseDateAsync(verdict.CaseCode, expected, mail.InternetMessageId, cancellationToken).ConfigureAwait(false);
                return $"National Panel expects the response on {verdict.CaseCode} by {TeamsReviewBot.Process.Calendar.BritishDates.Date(expected)}";
            }
            catch (Exception ex) when (ex is InvalidOperationException or TeamsReviewBot.Process.Cases.CaseRuleException)
            {
                // No such case here: a person must look.
            }
        }

        var reason = verdict.ExpectedResponseDate is { } date
            ? $"From the National Panel, expected response date {date:d MMMM yyyy}; no case of ours named in it."
            : "From the National Panel; no expected response date found in it.";
        await ShowAsync(mail, reason, verdict.CaseCode, cancellationToken).ConfigureAwait(false);
        return "shown to business managers: " + reason;
    }

    private async Task<string> ReferralAsync(InboundMail mail, LedgerHold held, CancellationToken cancellationToken)
    {
        var (details, refusals, kind, _) = ReferralMailReading.Read(mail, intakeOptions.Value);
        TeamsReviewBot.Observability.BotMetrics.ReferralsReceived.Add(1);
        if (details is null)
        {
            var reason = refusals.Count > 0
                ? "A referral whose form could not be read: " + string.Join(" ", refusals)
                : "Looks like a referral but has no form and no labelled text to read.";
            await ShowAsync(mail, reason, null, cancellationToken).ConfigureAwait(false);
            return "referral not opened, shown to business managers";
        }

        // A code already in the ledger was reserved by an earlier pass, which may have opened the
        // case and acknowledged the referrer before it stopped: opening again under the same code
        // adds nothing, and the acknowledgement looks for the earlier one first.
        var code = held.Entry.CaseCode;
        var earlierAttemptPossible = code is not null;
        if (code is null)
        {
            var reserved = await cases.ReserveCodeAsync(mail.ReceivedAt, cancellationToken).ConfigureAwait(false);
            // The code and a fresh lease in one write: enough for opening and acknowledging.
            held.Entry = await ledger.ReserveCaseCodeAsync(held.Entry, reserved, mailboxOptions.Value.WorkLease, cancellationToken).ConfigureAwait(false);
            code = held.Entry.CaseCode!;
        }

        var intake = new ReferralIntake(Mailbox, mail.InternetMessageId, mail.Id, mail.WebLink, mail.ReceivedAt, mail.FromAddress, details, refusals, kind);
        await cases.OpenAsync(code, intake, cancellationToken).ConfigureAwait(false);
        held.CaseOpened = code;
        var flagged = details.FlaggedFields.Count();
        LogCaseOpened(logger, code, details.Source, flagged);
        TeamsReviewBot.Observability.BotMetrics.ReferralsOpened.Add(1);
        if (refusals.Count > 0)
        {
            await ShowAsync(mail, $"Case {code} opened, but some attachments were refused: " + string.Join(" ", refusals), code, cancellationToken).ConfigureAwait(false);
        }

        return await AcknowledgeAsync(mail, code, held, earlierAttemptPossible, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Acknowledges once: a pass that finds the case already marked opened may follow one that
    /// sent the acknowledgement and stopped before recording it, so that pass searches the mailbox first.</summary>
    private async Task<string> AcknowledgeAsync(InboundMail mail, string caseCode, LedgerHold held, bool earlierAttemptPossible, CancellationToken cancellationToken)
    {
        if (earlierAttemptPossible && await cases.WasAcknowledgedAsync(caseCode, cancellationToken).ConfigureAwait(false))
        {
            return $"case {caseCode} opened, referrer already acknowledged";
        }

        if (string.IsNullOrWhiteSpace(mail.FromAddress))
        {
            await ShowAsync(mail, $"Case {caseCode} opened; the referral has no sender address to acknowledge.", caseCode, cancellationToken).ConfigureAwait(false);
            return $"case {caseCode} opened, no address to acknowledge";
        }

        // Still ours? A pass slow enough to come near the end of its lease renews it here, or stops
        // rather than race the worker that took the message over.
        held.Entry = await ledger.EnsureHeldAsync(held.Entry, mailboxOptions.Value.WorkLease, cancellationToken).ConfigureAwait(false);

        var sentAs = await sender.SendOnceAsync(Mailbox, Acknowledgement.For(caseCode, mail.FromAddress), Acknowledgement.OnceKey(caseCode), earlierAttemptPossible, cancellationToken).ConfigureAwait(false);
        await cases.RecordAcknowledgementAsync(caseCode, sentAs, cancellationToken).ConfigureAwait(false);
        return $"case {caseCode} opened, referrer acknowledged";
    }

    /// <summary>
    /// Lists the mail for the business managers and tells them in their personal chat, once: the
    /// alert goes out before the listing is stored, so a crash repeats an alert rather than losing it.
    /// The alert names the sender and the reason, never the subject (it may name the child).
    /// </summary>
    private async Task ShowAsync(InboundMail mail, string reason, string? caseCode, CancellationToken cancellationToken)
    {
        if (!await review.ContainsAsync(Mailbox, mail.InternetMessageId, cancellationToken).ConfigureAwait(false))
        {
            var link = mail.WebLink is null ? string.Empty : $" [Open in Outlook]({mail.WebLink})";
            await alerts.AlertAsync($"Mail from {mail.FromAddress ?? "an unknown sender"} needs a business manager: {reason}{link}", cancellationToken).ConfigureAwait(false);
        }

        await review.AddAsync(Mailbox, new MailForReview(mail.InternetMessageId, mail.FromAddress, mail.ReceivedAt, reason, mail.WebLink, caseCode), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ledger entry as this pass last wrote it, and the case this pass opened, if any.</summary>
    private sealed class LedgerHold(IntakeEntry entry)
    {
        public IntakeEntry Entry { get; set; } = entry;

        public string? CaseOpened { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {InternetMessageId}: {Outcome}")]
    private static partial void LogProcessed(ILogger logger, string internetMessageId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseCode} opened from a referral read from {Source}, {Flagged} fields flagged for a person to check")]
    private static partial void LogCaseOpened(ILogger logger, string caseCode, string source, int flagged);
}
