using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using TeamsReviewBot.Documents;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Submission;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Report;
using TeamsReviewBot.Workflows.ThresholdDecision;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Submission;

/// <summary>A submission asked for and not yet recorded: written down before the email goes.</summary>
public sealed record PendingSubmission(string CaseCode, Actor Actor, string? Reason, int Version, string Sha256);

/// <summary>How a submission went: <see cref="Recorded"/> when the case now holds it (sent now, or
/// found already sent), else <see cref="Message"/> says why not or what happens next.</summary>
public sealed record SubmissionResult(string Message, SubmissionRecord? Recorded, bool WasAlreadySubmitted = false);

/// <summary>
/// Sends the report to the National Panel from the partnership mailbox and records the sent email on
/// the case. Before the email goes, the submission is written down as a durable timer row due a
/// lease from now; the email is keyed on the case (<see cref="SubmissionRules.OnceKey"/>: its
/// internetMessageId is known before sending). If the bot stops, or Graph's answer is lost, between
/// the send and the record, the timer pump later runs the submission again from the row: the keyed
/// send finds the message in the mailbox by its internetMessageId and records it, so the case is
/// never left looking unsent and the Panel never gets a second email.
/// </summary>
public sealed partial class SubmissionService(
    CaseService cases,
    SubmissionViews views,
    ReportVersionStore versions,
    MailSender mail,
    DurableTimerStore timers,
    IOptions<TimerPumpOptions> pump,
    IBusinessManagerNotifier notifier,
    DecisionFollowUpOutbox thread,
    TimeProvider time,
    ILogger<SubmissionService> logger) : ITimerHandler
{
    public const string TimerKind = "national-panel-submission";

    public string Kind => TimerKind;

    public static string TimerId(string caseCode) => caseCode + ":national-panel-submission";

    /// <summary>A business manager submits the case's current report version (the one on their card, when
    /// <paramref name="cardVersion"/> is given), with a reason where the sign-off rule is not met.</summary>
    public async Task<SubmissionResult> SubmitAsync(string caseCode, Actor actor, string? reason, int? cardVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return new SubmissionResult($"I can't find case {caseCode}. Check the code; it looks like RR-OLD-2026-0007. Nothing was sent.", null);
        }

        var request = new SubmissionRequest(actor, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        ReportVersionToSend version;
        try
        {
            version = SubmissionRules.Check(state, request);
        }
        catch (CaseRuleException ex)
        {
            return new SubmissionResult(ex.Message.Contains("Nothing was sent", StringComparison.Ordinal) ? ex.Message : ex.Message + " Nothing was sent.", null, state.Submission is not null);
        }

        if (cardVersion is { } shown && shown != version.Number)
        {
            return new SubmissionResult($"This card is for version {shown} of the report, and the report for {caseCode} is now at version {version.Number}. Type \"submit {caseCode}\" to send version {version.Number}. Nothing was sent.", null);
        }

        if (views.FromMailbox is null)
        {
            return new SubmissionResult("The bot has no partnership mailbox to send from (Graph:Mailbox is not set), so the report was not sent. Ask the bot's administrator to connect the mailbox.", null);
        }

        var pending = new PendingSubmission(caseCode, actor, request.Reason, version.Number, version.Sha256);
        await timers.ScheduleAsync(new DurableTimer(TimerId(caseCode), TimerKind, caseCode, time.GetUtcNow() + pump.Value.Lease, CaseJson.Write(pending)), cancellationToken).ConfigureAwait(false);
        return await CarryOutAsync(pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pump found a submission not recorded (the bot stopped, or Graph's answer was lost):
    /// finish it from the mailbox, and tell the business managers how it ended.</summary>
    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var pending = CaseJson.Read<PendingSubmission>(timer.Payload);
        var result = await CarryOutAsync(pending, cancellationToken).ConfigureAwait(false);
        if (result.Recorded is null && !result.WasAlreadySubmitted)
        {
            // Graph did not answer again: the pump tries later, and sets it aside for the business managers after its last try.
            throw new InvalidOperationException($"The submission of {pending.CaseCode} is not confirmed yet.");
        }

        var state = await cases.LoadAsync(pending.CaseCode, cancellationToken).ConfigureAwait(false);
        await notifier.NotifyAsync(
            new BusinessManagerNotification($"{pending.CaseCode}:submission-confirmed", pending.CaseCode, state.Partnership, "submission-confirmed", "after an interruption, the partnership mailbox's sent email was checked: " + result.Message),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<SubmissionResult> CarryOutAsync(PendingSubmission pending, CancellationToken cancellationToken)
    {
        var code = pending.CaseCode;
        var state = await cases.LoadAsync(code, cancellationToken).ConfigureAwait(false);
        if (state.Submission is { } done)
        {
            await timers.CancelAsync(code, TimerId(code), cancellationToken).ConfigureAwait(false);
            return new SubmissionResult(SubmissionRules.AlreadySubmitted(code, done), null, WasAlreadySubmitted: true);
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var version = state.ReportVersions.FirstOrDefault(v => v.Number == pending.Version && v.Sha256 == pending.Sha256);
        var file = version is null ? null : await versions.OpenAsync(code, version, cancellationToken).ConfigureAwait(false);
        if (version is null || file is null)
        {
            await timers.CancelAsync(code, TimerId(code), cancellationToken).ConfigureAwait(false);
            return new SubmissionResult($"Version {pending.Version} of the report for {code} is no longer stored, so it was not sent.", null);
        }

        var to = views.Addressee(playbook);
        var outbound = new OutboundMail(
            [to],
            SubmissionRules.Subject(playbook, code),
            views.Letter(playbook, state),
            Attachments: [new OutboundAttachment(version.FileName, RapidReviewReport.ContentType, file)]);
        if (file.Length >= OutboundAttachment.MaxInlineBytes)
        {
            await timers.CancelAsync(code, TimerId(code), cancellationToken).ConfigureAwait(false);
            return new SubmissionResult($"Version {version.Number} of the report for {code} is 3 MB or more, more than Graph takes attached to a draft, so nothing was sent. Add a smaller version of the report (e.g. with its images compressed) and submit again.", null);
        }

        SentMail sent;
        try
        {
            sent = await mail.SendAsync(views.FromMailbox!, outbound, SubmissionRules.OnceKey(code), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnconfirmed(logger, code, ex.GetType().Name);
            var checkAt = time.GetUtcNow() + pump.Value.Lease;
            return new SubmissionResult($"Graph did not confirm the email to the National Panel for {code}, so it may or may not have gone. The bot checks the partnership mailbox for it from {BritishDates.DateAndTime(checkAt)} and records it if it went; it never sends a second copy.", null);
        }

        var messageId = sent.InternetMessageId ?? sent.Id;
        var change = await cases.DecideAsync(
            code,
            (current, now) => SubmissionRules.Record(playbook, current, new SubmissionRequest(pending.Actor, pending.Reason), new SubmissionSent(to, messageId, version.Number, version.Sha256), now),
            cancellationToken).ConfigureAwait(false);
        await timers.CancelAsync(code, TimerId(code), cancellationToken).ConfigureAwait(false);
        var recorded = change.State.Submission!;
        if (change.Appended.Count > 0)
        {
            // The case's thread card says it was submitted; a lost edit is repaired by the next one.
            await thread.UpdateThreadSoonAsync(code, cancellationToken).ConfigureAwait(false);
        }

        LogSubmitted(logger, code, version.Number, sent.AlreadySent);
        var found = sent.AlreadySent ? " It had already gone and was found in the partnership mailbox; no second email was sent." : string.Empty;
        return new SubmissionResult($"{code}: version {version.Number} of the report was emailed to {to}. {SubmissionViews.Sent(recorded)}{found}", recorded);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The submission email for case {CaseCode} was not confirmed by Graph ({Error}); it is checked again from its timer.")]
    private static partial void LogUnconfirmed(ILogger logger, string caseCode, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseCode} submitted to the National Panel: report version {Version} (found already sent: {AlreadySent}).")]
    private static partial void LogSubmitted(ILogger logger, string caseCode, int version, bool alreadySent);
}
