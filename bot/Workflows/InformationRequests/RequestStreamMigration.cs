using TeamsReviewBot.Hosting;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// Copies the requests a previous version kept on "{case code}.requests" streams into their case
/// streams, through the case's one writer (<see cref="RequestStreamCopy"/> decides what is left to
/// copy). Each append carries its marker, so a crash part way leaves a case either copied to a
/// point or not at all, and running again copies only the rest; once done it copies nothing.
/// The old rows stay where they are, unread, as they were written.
/// </summary>
public sealed partial class RequestStreamMigration(
    OldRequestStreams oldStreams,
    ICaseEventStore events,
    CaseService cases,
    ILogger<RequestStreamMigration> logger)
{
    /// <summary>Copies what is left; returns how many events were copied.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var copied = 0;
        foreach (var stream in await oldStreams.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var caseCode = stream[..^RequestBook.OldStreamSuffix.Length];
            if (cases.Playbooks.ForCaseCode(caseCode) is null)
            {
                LogNoPartnership(stream);
                continue;
            }

            var old = await events.ReadAsync(stream, 0, cancellationToken).ConfigureAwait(false);
            var seen = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
            if (!seen.Exists)
            {
                LogNoCase(stream);
                continue;
            }

            var forCase = 0;
            while (true)
            {
                var change = await cases.DecideAsync(caseCode, (state, now) => RequestStreamCopy.Next(state, old, now), cancellationToken).ConfigureAwait(false);
                if (change.Appended.Count == 0)
                {
                    break;
                }

                forCase += change.Appended.Count - 1;
            }

            if (forCase > 0)
            {
                LogCopied(caseCode, forCase);
            }

            copied += forCase;
        }

        return copied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CaseCode}: {Count} information-request events copied from the old requests stream into the case stream.")]
    private partial void LogCopied(string caseCode, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The old requests stream {Stream} names no partnership's case code; it is left as it is.")]
    private partial void LogNoPartnership(string stream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The old requests stream {Stream} has no case stream to join; it is left as it is.")]
    private partial void LogNoCase(string stream);
}

/// <summary>
/// Says whether old requests streams are still waiting to be copied (only when storage could not be
/// reached at start). The request timers wait for it: they fail and are tried again later, rather
/// than find a case's requests missing and do nothing.
/// </summary>
public sealed class RequestStreamGate
{
    private volatile bool _pending;

    public bool Pending
    {
        get => _pending;
        set => _pending = value;
    }

    public void ThrowIfPending()
    {
        if (_pending)
        {
            throw new InvalidOperationException("Information requests on old requests streams are not copied onto their cases yet; this step is tried again later.");
        }
    }
}

/// <summary>
/// Runs <see cref="RequestStreamMigration"/> as the bot starts, before any hosted service starts
/// (so before timers fire or requests are served): a request timer firing on a case whose requests
/// were not copied yet would find none. When storage cannot be reached at start the bot still starts
/// (its health check says storage is down, and nothing that needs storage runs) and the copy is
/// tried again every half minute until it is done; meanwhile <see cref="RequestStreamGate"/> holds
/// the request timers back.
/// </summary>
public sealed class RequestStreamMigrationAtStart(
    RequestStreamMigration migration,
    RequestStreamGate gate,
    IHostApplicationLifetime lifetime,
    ILogger<RequestStreamMigrationAtStart> logger) : MigrationAtStart(lifetime, logger)
{
    protected override bool BeforeOtherServices => true;

    protected override string NotDoneYet => "Information requests kept on old requests streams could not be copied onto their cases yet";

    // RequestStreamMigration logs each case it copies.
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => migration.RunAsync(cancellationToken);

    protected override void Pending(bool pending) => gate.Pending = pending;
}
