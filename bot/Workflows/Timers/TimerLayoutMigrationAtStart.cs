using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Timers;

/// <summary>
/// Runs <see cref="TimerLayoutMigration"/> as the bot starts, before any hosted service starts (so
/// before the pump looks for due timers). When storage cannot be reached at start the bot still
/// starts, and the move is tried again every half minute until it is done; the timers not moved yet
/// wait (none is lost), and fire late rather than never.
/// </summary>
public sealed partial class TimerLayoutMigrationAtStart(
    TimerLayoutMigration migration,
    IHostApplicationLifetime lifetime,
    ILogger<TimerLayoutMigrationAtStart> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(30);
    private Task _retrying = Task.CompletedTask;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWillRetry(ex.Message);
            _retrying = RetryAsync(lifetime.ApplicationStopping);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The retries stop with the application (ApplicationStopping is cancelled before StopAsync runs).
    public Task StopAsync(CancellationToken cancellationToken) => _retrying.WaitAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var moved = await migration.RunAsync(cancellationToken).ConfigureAwait(false);
        if (moved > 0)
        {
            LogMoved(moved);
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryEvery, cancellationToken).ConfigureAwait(false);
                await RunAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWillRetry(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} timers moved into the layout keyed by case.")]
    private partial void LogMoved(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timers kept in the previous layout could not be moved yet ({Reason}); trying again in 30 seconds.")]
    private partial void LogWillRetry(string reason);
}
