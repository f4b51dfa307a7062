namespace TeamsReviewBot.GraphIntegration.Client;

/// <summary>
/// How to reach Graph. In production an app-only credential (certificate, secret or managed identity; the
/// mailbox is a shared mailbox and Outlook's delegated *.Shared permissions cannot subscribe).
/// Against the local sandbox no token at all.
/// </summary>
public sealed class GraphConnection
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public bool UseSandbox { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }

    /// <summary>Outlook allows 4 concurrent requests per app and mailbox.</summary>
    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>How many times a 429 or 503 is retried before the caller sees it.</summary>
    public int MaxRetries { get; set; } = 8;

    /// <summary>The wait when a 429/503 carries no Retry-After; doubled each attempt.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
