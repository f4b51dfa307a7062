using System.Threading.Channels;

namespace TeamsReviewBot.Teams.Outbound;

/// <summary>
/// Connector calls that must not hold up an answer Teams is waiting for (a card action has 2 s):
/// editing the shared copy of a card, for instance. They run one after another in the background,
/// with the same retries and pacing as any other call; a failure is logged, never swallowed.
/// Nothing queued here may be the only record of work owed: a card edit reflects state already
/// stored (a lost edit is repaired by the next one), and work that must be done, such as what
/// follows a threshold decision, is owed by a durable row written with the event (the case's
/// follow-up row) that carries it out if this queue is lost.
/// </summary>
public sealed partial class OutboundWorker(ILogger<OutboundWorker> logger) : BackgroundService
{
    private readonly Channel<(string Description, Func<CancellationToken, Task> Work)> _queue =
        Channel.CreateBounded<(string, Func<CancellationToken, Task>)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock _gate = new();
    private int _outstanding;
    private TaskCompletionSource _idle = Completed();

    public async ValueTask EnqueueAsync(string description, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_outstanding++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        try
        {
            await _queue.Writer.WriteAsync((description, work), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Finished();
            throw;
        }
    }

    /// <summary>
    /// Completes once nothing queued here waits or runs: for a host (or a test driving the clock) that
    /// must see the card edits and follow-ups of what it did in place before it looks.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (description, work) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await work(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex, description);
            }
            finally
            {
                Finished();
            }
        }
    }

    private void Finished()
    {
        lock (_gate)
        {
            if (--_outstanding == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background Teams work failed: {Description}.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string description);
}
