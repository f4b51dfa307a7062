using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Runs a background pass (renewing the subscription, walking the delta) on whichever instance holds
/// the lease <see cref="Name"/>. The lease is short and renewed every <see cref="LeaseTimings.RenewEvery"/>
/// while held, between passes and during a long one, so an instance that dies without giving it up
/// blocks the others for at most <see cref="LeaseTimings.Duration"/>, and an instance without it asks
/// again on the same beat. Whoever takes the lease runs a pass at once: it cannot know when the last
/// holder's last pass was.
/// </summary>
public sealed class LeasedPasses(StorageLease lease, string name, LeaseTimings timings)
{
    public string Name => name;

    /// <summary>Loops until <paramref name="stoppingToken"/> is cancelled. <paramref name="interval"/>
    /// picks the wait after a pass from the failures so far (0 after a success); <paramref name="wake"/>,
    /// when raised, asks for a pass now. Failures are reported to <paramref name="failed"/>.</summary>
    public async Task RunAsync(
        Func<CancellationToken, Task> pass,
        Func<int, TimeSpan> interval,
        IntakeSignal? wake,
        Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        var held = false;
        var woken = false;
        var failures = 0;
        var nextPass = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var holds = await lease.TryAcquireAsync(name, timings.Duration, stoppingToken).ConfigureAwait(false);
                var justTaken = holds && !held;
                held = holds;
                if (held && (justTaken || woken || Now >= nextPass))
                {
                    try
                    {
                        await HoldDuringAsync(pass, stoppingToken).ConfigureAwait(false);
                        failures = 0;
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        failures++;
                        failed(ex);
                    }

                    nextPass = Now + interval(failures);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lease could not be read or written: assume it is not ours until it is again.
                held = false;
                failed(ex);
            }

            var untilPass = nextPass - Now;
            var wait = held && untilPass < timings.RenewEvery ? untilPass : timings.RenewEvery;
            var waited = await WaitAsync(wake, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, stoppingToken).ConfigureAwait(false);
            if (waited is null)
            {
                return;
            }

            woken = waited.Value;
        }
    }

    /// <summary>Runs the pass while renewing the lease beside it; if the lease is lost (another instance
    /// took it after this one could not renew in time) the pass is cancelled, so two never run at once
    /// for longer than one renewal beat.</summary>
    private async Task HoldDuringAsync(Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        using var passing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(passing);
        try
        {
            await pass(passing.Token).ConfigureAwait(false);
        }
        finally
        {
            await passing.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(CancellationTokenSource passing)
    {
        while (!passing.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(timings.RenewEvery, passing.Token).ConfigureAwait(false);
                if (!await lease.TryAcquireAsync(name, timings.Duration, passing.Token).ConfigureAwait(false))
                {
                    await passing.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Azure.RequestFailedException)
            {
                // A missed renewal is retried on the next beat; the lease outlasts two of them.
            }
        }
    }

    /// <summary>True when woken, false when the wait ran out, null when stopping.</summary>
    private static async Task<bool?> WaitAsync(IntakeSignal? wake, TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            if (wake is null)
            {
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                return false;
            }

            return await wake.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    // Leases coordinate processes in real time, whatever clock the cases run on.
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();
}

/// <summary>How long a lease lasts unless renewed, and how often it is renewed or asked for.</summary>
public sealed record LeaseTimings(TimeSpan Duration, TimeSpan RenewEvery)
{
    public static LeaseTimings From(MailboxOptions options) => new(options.LeaseDuration, options.LeaseRenewInterval);
}
