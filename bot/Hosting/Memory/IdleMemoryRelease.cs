using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Hosting.Memory;

/// <summary>
/// Hands back to the system the memory a busy spell left committed, once the instance has gone quiet
/// (docs/memory.md, "Memory handed back when idle"). After a catch-up or a burst of clicks the garbage
/// collector keeps its emptied regions committed and the C library keeps the JIT's freed blocks, for
/// the next burst; an instance that then waits hours for the next referral holds them for nothing, on
/// a plan billed and capped by memory. Looks on the machine's clock: it is about load, not case dates.
/// </summary>
public sealed partial class IdleMemoryRelease : BackgroundService
{
    private readonly RequestsBeingAnswered _answering;
    private readonly IdleMemoryReleaseOptions _options;
    private readonly ILogger<IdleMemoryRelease> _logger;
    private readonly TimeProvider _machineClock;
    private readonly Func<long> _allocatedSoFar;
    private readonly Action _release;
    private readonly Action? _waitingForNextLook;

    public IdleMemoryRelease(RequestsBeingAnswered answering, IOptions<IdleMemoryReleaseOptions> options, ILogger<IdleMemoryRelease> logger)
        : this(answering, options.Value, logger, TimeProvider.System, () => GC.GetTotalAllocatedBytes(), ReleaseProcessMemory)
    {
    }

    internal IdleMemoryRelease(RequestsBeingAnswered answering, IdleMemoryReleaseOptions options, ILogger<IdleMemoryRelease> logger, TimeProvider machineClock, Func<long> allocatedSoFar, Action release, Action? waitingForNextLook = null)
    {
        _answering = answering;
        _options = options;
        _logger = logger;
        _machineClock = machineClock;
        _allocatedSoFar = allocatedSoFar;
        _release = release;
        _waitingForNextLook = waitingForNextLook;
    }

    /// <summary>
    /// A full, compacting collection that decommits every region it can (GCCollectionMode.Aggressive),
    /// then the C library's free pages.
    /// </summary>
    private static void ReleaseProcessMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.TrimFreePages();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var decision = new MemoryReleaseDecision(_options, _allocatedSoFar());
        using var looks = new PeriodicTimer(_options.CheckEvery, _machineClock);
        _waitingForNextLook?.Invoke();
        try
        {
            while (await looks.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (decision.ReleaseNow(_allocatedSoFar(), _answering.InFlight))
                {
                    var before = Environment.WorkingSet;
                    _release();
                    LogReleased(_logger, before >> 20, Environment.WorkingSet >> 20);
                }

                _waitingForNextLook?.Invoke();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Memory handed back while idle: working set {BeforeMiB} MiB before, {AfterMiB} MiB after.")]
    private static partial void LogReleased(ILogger logger, long beforeMiB, long afterMiB);
}
