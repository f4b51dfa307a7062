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
/// Runs <see cref="RequestStreamMigration"/> as the bot starts, before any hosted service starts
/// (so before timers fire or requests are served): a request timer firing on a case whose requests
/// were not copied yet would find none. A failure stops the start, rather than serving cases with
/// their requests split across two streams.
/// </summary>
public sealed class RequestStreamMigrationAtStart(RequestStreamMigration migration) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migration.RunAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
