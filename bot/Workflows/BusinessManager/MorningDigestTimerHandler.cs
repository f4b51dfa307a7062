using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Digest;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.BusinessManager;

/// <summary>
/// The digest timer: sends today's digest when today is a working day and its time has come (a timer
/// that fires late, after an outage, sends today's rather than a stale day's), then sets the timer for
/// the next working morning. Weekends and bank holidays are never scheduled, and a firing on one sends
/// nothing. A second firing, here or on another instance, finds every person's row claimed.
/// </summary>
public sealed class MorningDigestTimerHandler(MorningDigestSender sender, MorningDigestSchedule schedule, WorkingDayCalendar calendar, DigestTime digestTime, TimeProvider time) : ITimerHandler
{
    public string Kind => MorningDigestRules.TimerKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (MorningDigestRules.DayDue(calendar, digestTime.At, now) is { } day)
        {
            await sender.SendAsync(day, now, cancellationToken).ConfigureAwait(false);
        }

        await schedule.EnsureNextAsync(cancellationToken).ConfigureAwait(false);
    }
}
