using System.Diagnostics.Metrics;

namespace TeamsReviewBot.Observability;

/// <summary>
/// The "TeamsReviewBot" meter: counts an IT team can alert on. Counters carry no attributes that
/// could name a child; at most a case code or a fixed word.
/// </summary>
public static class BotMetrics
{
    public const string MeterName = "TeamsReviewBot";

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
}
