using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Subscriptions;
using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Keeps the subscription alive: once the app listens (Graph validates the notification URL when
/// the subscription is created) and then every Graph:SubscriptionCheckInterval, by whichever
/// instance holds the short, renewed "subscription" lease (see LeasedPasses).
/// </summary>
public sealed partial class SubscriptionKeeper(
    SubscriptionManager subscriptions,
    MailboxWatchFactory watches,
    StorageLease lease,
    IHostApplicationLifetime lifetime,
    IOptions<MailboxOptions> options,
    ILogger<SubscriptionKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        if (!await Pause.UntilAsync(Started(lifetime, stoppingToken)).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await KeepAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await LeaseRelease.OnStopAsync(lease, "subscription", logger).ConfigureAwait(false);
        }
    }

    private Task KeepAsync(CancellationToken stoppingToken) =>
        new LeasedPasses(lease, "subscription", LeaseTimings.From(options.Value)).RunAsync(
            cancellationToken => subscriptions.EnsureAsync(watches.Create(), cancellationToken),
            failures => AfterFailures(failures, options.Value.SubscriptionCheckInterval),
            wake: null,
            ex => LogFailed(logger, ex),
            stoppingToken);

    /// <summary>The normal interval, or sooner after a failure: 15 s, 30 s, 1 min … up to the interval.</summary>
    internal static TimeSpan AfterFailures(int failures, TimeSpan interval)
    {
        if (failures == 0)
        {
            return interval;
        }

        var backoff = TimeSpan.FromSeconds(15 * Math.Pow(2, Math.Min(failures - 1, 10)));
        return backoff < interval ? backoff : interval;
    }

    internal static Task Started(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not ensure the mail subscription; will try again")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}

/// <summary>Runs a delta pass every Graph:DeltaSyncInterval, or at once when Graph reports missed or
/// removed, on whichever instance holds the short, renewed "delta" lease (see LeasedPasses).</summary>
public sealed partial class DeltaSyncTimer(
    DeltaSync delta,
    DeltaSyncRequested requested,
    StorageLease lease,
    IHostApplicationLifetime lifetime,
    IOptions<MailboxOptions> options,
    ILogger<DeltaSyncTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        if (!await Pause.UntilAsync(SubscriptionKeeper.Started(lifetime, stoppingToken)).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await PassAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await LeaseRelease.OnStopAsync(lease, "delta", logger).ConfigureAwait(false);
        }
    }

    private Task PassAsync(CancellationToken stoppingToken) =>
        new LeasedPasses(lease, "delta", LeaseTimings.From(options.Value)).RunAsync(
            delta.RunAsync,
            failures => SubscriptionKeeper.AfterFailures(failures, options.Value.DeltaSyncInterval),
            requested.Signal,
            ex => LogFailed(logger, ex),
            stoppingToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox delta pass failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}

/// <summary>Gives up a mailbox lease as the instance stops, so a new instance (after a deployment or
/// restart) takes it at once; bounded, so a storage outage cannot hold up the shutdown.</summary>
internal static partial class LeaseRelease
{
    public static async Task OnStopAsync(StorageLease lease, string name, ILogger logger)
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await lease.ReleaseAsync(name, bounded.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException)
        {
            LogNotReleased(logger, name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give up the mailbox lease {Lease} on stopping; it expires on its own")]
    private static partial void LogNotReleased(ILogger logger, string lease, Exception ex);
}

/// <summary>
/// Waits that end quietly when the service is stopped: a cancelled wait returns false instead of
/// throwing, so stopping one background service is never taken for a fault that stops the host.
/// </summary>
internal static class Pause
{
    public static async Task<bool> WaitAsync(IntakeSignal signal, TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(timeout, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public static Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken) => UntilAsync(Task.Delay(delay, stoppingToken));

    public static async Task<bool> UntilAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
