namespace TeamsReviewBot.Hosting;

/// <summary>
/// Runs a start-up migration (data a previous version wrote, moved into the layout this one reads)
/// and keeps trying it every half minute while storage cannot be reached, until it is done or the
/// bot stops. Each migration is resumable on its own (what is moved carries its marker, and a run
/// moves only what is left), so a try that fails part way loses nothing.
/// <para>
/// A migration whose old data nothing else reads runs <see cref="BeforeOtherServices"/>: before any
/// hosted service starts (so before timers fire), and when that first try fails the bot still starts
/// and the retries go on in the background. The others run in the background once the bot has
/// started, the old layout being read meanwhile.
/// </para>
/// </summary>
public abstract partial class MigrationAtStart(IHostApplicationLifetime lifetime, ILogger logger) : IHostedLifecycleService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(30);
    private Task _running = Task.CompletedTask;

    /// <summary>Whether the first try must come before any hosted service starts.</summary>
    protected abstract bool BeforeOtherServices { get; }

    /// <summary>What the log says when a try fails, before the reason: "… could not be moved yet".</summary>
    protected abstract string NotDoneYet { get; }

    /// <summary>Moves what is left and logs what it moved; throws when storage cannot be reached.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Told true when the first try before start failed (the old data is still to be moved), false once moved.</summary>
    protected virtual void Pending(bool pending)
    {
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!BeforeOtherServices)
        {
            return;
        }

        try
        {
            await RunOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWillRetry(NotDoneYet, ex.Message);
            Pending(true);
            _running = KeepTryingAsync(waitFirst: true, lifetime.ApplicationStopping);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!BeforeOtherServices)
        {
            // Off the start-up path: nothing waits for it.
            _running = Task.Run(() => KeepTryingAsync(waitFirst: false, lifetime.ApplicationStopping), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The tries stop with the application (ApplicationStopping is cancelled before StopAsync runs).
    public Task StopAsync(CancellationToken cancellationToken) => _running.WaitAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task KeepTryingAsync(bool waitFirst, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (waitFirst)
                {
                    await Task.Delay(RetryEvery, stopping).ConfigureAwait(false);
                }

                await RunOnceAsync(stopping).ConfigureAwait(false);
                Pending(false);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWillRetry(NotDoneYet, ex.Message);
            }

            waitFirst = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{NotDoneYet} ({Reason}); trying again in 30 seconds.")]
    private partial void LogWillRetry(string notDoneYet, string reason);
}
