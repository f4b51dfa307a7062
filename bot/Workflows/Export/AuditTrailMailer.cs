using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Documents;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Export;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Export;

/// <summary>What the export's delivery timer carries: which export, and the requester's work address.</summary>
public sealed record AuditTrailDelivery(string ExportId, string To);

/// <summary>
/// Emails an export's DOCX and CSV from the partnership mailbox to the person who asked. The
/// subject and body carry the case code only. The delivery is a durable timer scheduled before the
/// export event is written, so a crash between the two still sends the files; the command sends at
/// once and cancels the timer, and a repeat finds the message sent (it is keyed on the export).
/// </summary>
public sealed partial class AuditTrailMailer(AuditTrailFiles files, MailSender mail, DurableTimerStore timers, IOptions<MailboxOptions> mailbox, TimeProvider time, ILogger<AuditTrailMailer> logger) : ITimerHandler
{
    public const string TimerKind = "audit-trail-export";

    /// <summary>How long the command has to send before the timer tries in its place.</summary>
    public static readonly TimeSpan Fallback = TimeSpan.FromMinutes(2);

    public string Kind => TimerKind;

    public bool CanEmail => mailbox.Value.Enabled;

    public static string TimerId(string caseCode, string exportId) => $"{caseCode}:audit-export:{exportId}";

    public Task ScheduleAsync(string caseCode, AuditTrailDelivery delivery, CancellationToken cancellationToken) =>
        timers.ScheduleAsync(new DurableTimer(TimerId(caseCode, delivery.ExportId), TimerKind, caseCode, time.GetUtcNow() + Fallback, JsonSerializer.Serialize(delivery)), cancellationToken);

    /// <summary>Sends the export's files now and clears its timer; returns how many events they hold.</summary>
    public async Task<int> SendNowAsync(string caseCode, AuditTrailDelivery delivery, CancellationToken cancellationToken)
    {
        var events = await SendAsync(caseCode, delivery, cancellationToken).ConfigureAwait(false);
        await timers.CancelAsync(caseCode, TimerId(caseCode, delivery.ExportId), cancellationToken).ConfigureAwait(false);
        return events;
    }

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var delivery = JsonSerializer.Deserialize<AuditTrailDelivery>(timer.Payload)
            ?? throw new InvalidOperationException($"Timer {timer.Id} carries no delivery.");
        await SendAsync(timer.StreamId, delivery, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> SendAsync(string caseCode, AuditTrailDelivery delivery, CancellationToken cancellationToken)
    {
        var from = mailbox.Value.Mailbox is { Length: > 0 } connected ? connected : throw new InvalidOperationException("Graph:Mailbox is not set: the audit trail is sent from the partnership mailbox.");
        var export = await files.BuildAsync(caseCode, delivery.ExportId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {caseCode} has no export {delivery.ExportId}.");
        var body = $"Rapid Review {caseCode}: the case's audit trail, every event up to this export ({export.Events} events), is attached twice: "
            + "as a Word document to read and as a CSV file for a spreadsheet or another tool.\n\n"
            + $"Export reference: {export.ExportId}. The export itself is the last event on the trail.\n\n"
            + "The files are confidential: please keep them within the partnership and the inspection they are for.\n";
        await mail.SendAsync(
            from,
            new OutboundMail([delivery.To], $"Rapid Review {caseCode}: audit trail", body, Attachments:
            [
                new OutboundAttachment(AuditTrailDocument.FileName(caseCode), RapidReviewReport.ContentType, export.Docx),
                new OutboundAttachment(AuditTrailFiles.CsvFileName(caseCode), Csv.ContentType, export.Csv),
            ]),
            $"audit-export:{caseCode}:{delivery.ExportId}",
            cancellationToken).ConfigureAwait(false);
        LogSent(caseCode, export.Events);
        return export.Events;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail of {CaseCode} ({Events} events) emailed to the person who exported it.")]
    private partial void LogSent(string caseCode, int events);
}
