using System.Diagnostics.Metrics;

namespace TeamsReviewBot.Observability;

/// <summary>
/// The "TeamsReviewBot" meter: counts an IT team can alert on. Instruments carry no attributes that
/// could name a child: at most a fixed word (a reason, a timer's kind) or an HTTP status code.
/// </summary>
public static class BotMetrics
{
    public const string MeterName = "TeamsReviewBot";

    /// <summary>A timer claimed later than this after its due time counts as overdue: the pump polls
    /// every 15 seconds and a lease is 2 minutes, so five minutes late means timers are not firing.</summary>
    public static readonly TimeSpan TimerOverdueAfter = TimeSpan.FromMinutes(5);

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Mail read as a referral (whether or not a case could be opened from it).</summary>
    public static readonly Counter<long> ReferralsReceived =
        Meter.CreateCounter<long>("teamsreviewbot.referrals.received", "{referral}", "Mail read as a referral");

    /// <summary>Referrals that opened a case.</summary>
    public static readonly Counter<long> ReferralsOpened =
        Meter.CreateCounter<long>("teamsreviewbot.referrals.opened", "{case}", "Referrals that opened a case");

    /// <summary>429 answers from the Bot Connector (Teams), each retried after a pause.</summary>
    public static readonly Counter<long> ConnectorThrottled =
        Meter.CreateCounter<long>("teamsreviewbot.connector.throttled", "{response}", "429 answers from the Bot Connector");

    /// <summary>Graph change notifications lost or refused, by <c>reason</c>: a clientState that does
    /// not match (refused), or Graph's lifecycle saying it missed notifications or removed the subscription.</summary>
    public static readonly Counter<long> NotificationsDropped =
        Meter.CreateCounter<long>("teamsreviewbot.notifications.dropped", "{notification}", "Graph change notifications refused (clientState mismatch) or lost (lifecycle missed, subscription removed)");

    /// <summary>How long after its due time each timer was claimed, by <c>timer.kind</c>.</summary>
    public static readonly Histogram<double> TimerLateness =
        Meter.CreateHistogram<double>("teamsreviewbot.timers.lateness", "s", "How long after its due time a timer was claimed");

    /// <summary>Timers claimed more than <see cref="TimerOverdueAfter"/> after their due time, by <c>timer.kind</c>.</summary>
    public static readonly Counter<long> TimersOverdue =
        Meter.CreateCounter<long>("teamsreviewbot.timers.overdue", "{timer}", "Timers claimed more than five minutes after their due time");

    public const string ReasonAttribute = "reason";
    public const string TimerKindAttribute = "timer.kind";

    /// <summary>Notifications refused or lost; <paramref name="reason"/> is one of the fixed words in docs/observability.md.</summary>
    public static void Dropped(string reason, long count = 1)
    {
        if (count > 0)
        {
            NotificationsDropped.Add(count, new KeyValuePair<string, object?>(ReasonAttribute, reason));
        }
    }

    /// <summary>A timer of <paramref name="kind"/> was claimed <paramref name="late"/> after its due time.</summary>
    public static void TimerClaimed(string kind, TimeSpan late)
    {
        var tag = new KeyValuePair<string, object?>(TimerKindAttribute, kind);
        TimerLateness.Record(Math.Max(0, late.TotalSeconds), tag);
        if (late > TimerOverdueAfter)
        {
            TimersOverdue.Add(1, tag);
        }
    }
}
