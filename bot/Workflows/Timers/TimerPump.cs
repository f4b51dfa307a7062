using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.Timers;

/// <summary>
/// Fires due timers. Every instance runs one; the store's leases make sure only one instance fires a
/// given timer at a time. A handler that throws leaves the timer to be retried when its lease ends,
/// up to <see cref="TimerPumpOptions.MaxAttempts"/> times; then the timer is set aside (dead-lettered)
/// and the business managers are told, so one bad case cannot keep failing for ever. A timer claimed
/// more often than that without finishing (its instance died while it ran) is set aside unrun.
/// </summary>
public sealed partial class TimerPump(
    DurableTimerStore store,
    IEnumerable<ITimerHandler> handlers,
    IOptions<TimerPumpOptions> options,
    IBusinessManagerAlerts alerts,
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
        var maxAttempts = options.Value.MaxAttempts;
        foreach (var item in claimed)
        {
            // The claim as last renewed: setting the timer aside must write under its current ETag.
            var current = item;
            try
            {
                // A batch takes one timer after another: the later ones' leases may have run out
                // meanwhile, and another instance may hold them now. Renewing first means only the
                // holder fires a timer or sets it aside (and tells the business managers).
                if (await store.RenewAsync(item, options.Value.Lease, cancellationToken).ConfigureAwait(false) is not { } held)
                {
                    LogLeaseLost(item.Timer.Id);
                    continue;
                }

                current = held;
                Observability.BotMetrics.TimerClaimed(held.Timer.Kind, time.GetUtcNow() - held.Timer.DueAt);
                if (held.Attempt > maxAttempts)
                {
                    await SetAsideAsync(held, $"It was started {held.Attempt - 1} times without finishing.", cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!_handlers.TryGetValue(held.Timer.Kind, out var handler))
                {
                    LogNoHandler(held.Timer.Id, held.Timer.Kind);
                    continue;
                }

                await handler.HandleAsync(held.Timer, cancellationToken).ConfigureAwait(false);
                await store.CompleteAsync(held, cancellationToken).ConfigureAwait(false);
                completed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandlerFailed(Hosting.AddressRedactedException.For(ex), item.Timer.Id, item.Attempt);
                if (item.Attempt >= maxAttempts)
                {
                    // The exception's message may quote case data, so the sentence names only its kind.
                    await SetAsideAsync(current, $"It failed {item.Attempt} times; the last error was {ex.GetType().Name}.", cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return completed;
    }

    /// <summary>
    /// Tells the business managers, then moves the timer to the dead letters. The alert goes first, so
    /// a failure to tell leaves the timer to be set aside (and told) on its next claim, never untold.
    /// </summary>
    private async Task SetAsideAsync(ClaimedTimer item, string reason, CancellationToken cancellationToken)
    {
        var timer = item.Timer;
        var sentence = $"A scheduled step was set aside and will not be tried again: {timer.Kind} for {timer.StreamId}, due {timer.DueAt:yyyy-MM-dd HH:mm} UTC. {reason} Please check the case and do this step by hand.";
        try
        {
            await alerts.AlertAsync(sentence, cancellationToken).ConfigureAwait(false);
            await store.DeadLetterAsync(item, reason, cancellationToken).ConfigureAwait(false);
            LogSetAside(timer.Id, timer.Kind, item.Attempt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSetAsideFailed(Hosting.AddressRedactedException.For(ex), timer.Id);
        }
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
                LogPassFailed(Hosting.AddressRedactedException.For(ex));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {TimerId} was rewritten or taken over by another instance before its turn; this run leaves it.")]
    private partial void LogLeaseLost(string timerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerId} failed on attempt {Attempt}; it fires again when its lease ends.")]
    private partial void LogHandlerFailed(Exception exception, string timerId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {TimerId} ({Kind}) set aside after {Attempt} attempts; the business managers were told.")]
    private partial void LogSetAside(string timerId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {TimerId} could not be set aside; its next claim tries again.")]
    private partial void LogSetAsideFailed(Exception exception, string timerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A timer pass failed; the next pass tries again.")]
    private partial void LogPassFailed(Exception exception);
}
