using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// One delta pass over the inbox: every message id found is stored as work (the ledger makes
/// repeats harmless) before the new deltaLink is saved, so a crash mid-pass repeats, never skips.
/// </summary>
public sealed partial class DeltaSync(
    InboxDeltaReader delta,
    MailboxSyncStore sync,
    MailWorkInbox queue,
    WorkArrived workArrived,
    IOptions<MailboxOptions> options,
    TimeProvider time,
    ILogger<DeltaSync> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var mailbox = options.Value.Mailbox!;
        var link = await sync.GetDeltaLinkAsync(mailbox, cancellationToken).ConfigureAwait(false);
        var found = 0;
        async Task Enqueue(IReadOnlyList<string> ids, CancellationToken ct)
        {
            await queue.EnqueueAsync(ids.Select(id => new MailWorkItem(MailWorkKind.Message, id, null, "delta")).ToList(), ct).ConfigureAwait(false);
            found += ids.Count;
            workArrived.Signal.Raise();
        }

        string next;
        try
        {
            next = await delta.ReadAsync(mailbox, link, Enqueue, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError ex) when (link is not null && ex.ResponseStatusCode is 400 or 404 or 410)
        {
            // The delta token expired or is unknown: start again from the whole inbox.
            LogDeltaReset(logger, ex.ResponseStatusCode);
            next = await delta.ReadAsync(mailbox, null, Enqueue, cancellationToken).ConfigureAwait(false);
        }

        await sync.SaveDeltaLinkAsync(mailbox, next, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogDeltaPass(logger, found);
        return found;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox delta pass stored {Found} message(s) for intake")]
    private static partial void LogDeltaPass(ILogger logger, int found);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox delta link refused (HTTP {Status}); reading the inbox from the start")]
    private static partial void LogDeltaReset(ILogger logger, int status);
}
