using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Timers;

/// <summary>
/// Fires due timers. Every instance runs one; the store's leases make sure only one instance fires a
/// given timer at a time. A handler that throws leaves the timer to be retried when its lease ends.
/// </summary>
public sealed partial class TimerPump(
    DurableTimerStore store,
    IEnumerable<ITimerHandler> handlers,
    IOptions<TimerPumpOptions> options,
    TimeProvider time,
    ILogger<TimerPump> logger) : BackgroundService
{
    private readonly Dictionary<string, ITimerHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public string InstanceId { get; } = Environment.MachineName + ":" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>One pass: claims what is due, fires each, and returns how many completed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimDueAsync(InstanceId, options.Value.Lease, options.Value.BatchSize, cancellationToken).ConfigureAwait(false);
        var completed = 0;
        foreach (var item in claimed)
        {
            if (!_handlers.TryGetValue(item.Timer.Kind, out var handler))
            {
                LogNoHandler(item.Timer.Id, item.Timer.Kind);
                continue;
            }

            try
            {
                // A batch fires one timer after another: the later ones' leases may have run out
                // meanwhile, and another instance may hold them now.
                if (await store.RenewAsync(item, options.Value.Lease, cancellationToken).ConfigureAwait(false) is not { } held)
                {
                    LogLeaseLost(item.Timer.Id);
                    continue;
                }

                await handler.HandleAsync(held.Timer, cancellationToken).ConfigureAwait(false);
                await store.CompleteAsync(held, cancellationToken).ConfigureAwait(false);
                completed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandlerFailed(ex, item.Timer.Id, item.Attempt);
            }
        }

        return completed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(ex);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {TimerId} has kind {Kind}, which no handler serves; it stays due.")]
    private partial void LogNoHandler(string timerId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {TimerId} was taken over by another instance before its turn; this one leaves it.")]
    private partial void LogLeaseLost(string timerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerId} failed on attempt {Attempt}; it fires again when its lease ends.")]
    private partial void LogHandlerFailed(Exception exception, string timerId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A timer pass failed; the next pass tries again.")]
    private partial void LogPassFailed(Exception exception);
}
