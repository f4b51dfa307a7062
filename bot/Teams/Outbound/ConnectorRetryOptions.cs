namespace TeamsReviewBot.Teams.Outbound;

/// <summary>How hard the connector client retries a throttled or failing Bot Connector.</summary>
public sealed class ConnectorRetryOptions
{
    public const string SectionName = "Bot:Retry";

    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first back-off; each later one doubles, plus up to 50 % jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait is longer than this, whatever Retry-After says.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
