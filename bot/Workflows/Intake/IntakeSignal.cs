namespace TeamsReviewBot.Workflows.Intake;

/// <summary>Wakes a waiting loop early: the worker when work is stored, the delta sync when Graph says it missed something.</summary>
public sealed class IntakeSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Raise()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised; one wake-up is enough.
        }
    }

    /// <summary>Waits for a raise or the timeout; true when raised.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}

/// <summary>The worker's wake-up.</summary>
public sealed class WorkArrived : IDisposable
{
    public IntakeSignal Signal { get; } = new();

    public void Dispose() => Signal.Dispose();
}

/// <summary>The delta sync's wake-up.</summary>
public sealed class DeltaSyncRequested : IDisposable
{
    public IntakeSignal Signal { get; } = new();

    public void Dispose() => Signal.Dispose();
}
