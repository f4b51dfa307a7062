using System.Diagnostics.Metrics;

namespace TeamsReviewBot.GraphIntegration.Client;

/// <summary>Graph's part of the "TeamsReviewBot" meter: how often Graph asked the bot to slow down.</summary>
public static class GraphMetrics
{
    private static readonly Meter Meter = new("TeamsReviewBot");

    /// <summary>429 and 503 answers from Graph, each retried after Retry-After.</summary>
    public static readonly Counter<long> Throttled =
        Meter.CreateCounter<long>("teamsreviewbot.graph.throttled", "{response}", "429 and 503 answers from Microsoft Graph");
}
