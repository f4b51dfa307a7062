using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Digest;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>
/// Keeps the next working morning's digest timer set. Its id names the day, so every instance that
/// sets it sets the same timer; each start (in the background, retrying while storage is away) and
/// each firing sets the next one.
/// </summary>
public sealed partial class MorningDigestSchedule(DurableTimerStore timers, WorkingDayCalendar calendar, DigestTime digestTime, TimeProvider time, ILogger<MorningDigestSchedule> logger) : BackgroundService
{
    public async Task<DateTimeOffset> EnsureNextAsync(CancellationToken cancellationToken)
    {
        var next = MorningDigestRules.NextAt(calendar, digestTime.At, time.GetUtcNow());
        var day = WorkingDayCalendar.LondonDate(next);
        await timers.ScheduleAsync(new DurableTimer(MorningDigestRules.TimerId(day), MorningDigestRules.TimerKind, "morning-digest", next, "{}"), cancellationToken).ConfigureAwait(false);
        return next;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && !await TryEnsureAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryEnsureAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var next = await EnsureNextAsync(timeout.Token).ConfigureAwait(false);
            LogScheduled(next);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotScheduled(ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The next morning digest is set for {At}.")]
    private partial void LogScheduled(DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The next morning digest could not be set yet; trying again in a minute.")]
    private partial void LogNotScheduled(Exception exception);
}
