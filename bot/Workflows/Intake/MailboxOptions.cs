namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Configuration section "Graph": how to reach Graph (see GraphConnection) plus which mailbox to
/// watch and where Graph posts notifications. Intake runs only when Graph:Mailbox is set.
/// </summary>
public sealed class MailboxOptions
{
    public const string SectionName = "Graph";

    /// <summary>The partnership mailbox, e.g. the address on the referral form.</summary>
    public string? Mailbox { get; set; }

    /// <summary>Public HTTPS URL of POST /api/notifications as Graph reaches it.</summary>
    public string? NotificationUrl { get; set; }

    /// <summary>Public HTTPS URL of POST /api/notifications/lifecycle.</summary>
    public string? LifecycleNotificationUrl { get; set; }

    /// <summary>Shared secret Graph echoes in every notification (at most 128 characters).</summary>
    public string? ClientStateSecret { get; set; }

    /// <summary>How long each subscription is asked for; capped at 4,200 minutes.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(4200);

    /// <summary>How often the subscription is checked (and renewed once past half-life).</summary>
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the inbox delta is read to catch what notifications missed.</summary>
    public TimeSpan DeltaSyncInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a mailbox lease ("subscription", "delta") lasts unless renewed: an instance
    /// that dies without giving it up blocks the next one for at most this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>How often a held mailbox lease is renewed (also during a long pass), and how often an
    /// instance without it tries to take it; well under LeaseDuration so one slow write does not lose it.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker looks for stored notifications when nothing wakes it.</summary>
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker holds a stored notification before another may retry it.</summary>
    public TimeSpan WorkLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many failed tries a message is put in front of the business managers.</summary>
    public int MaxAttempts { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(Mailbox);

    /// <summary>
    /// App Service leaves a Key Vault reference as the literal "@Microsoft.KeyVault(...)" text when it
    /// cannot resolve it; used as the clientState, that public string would be the only proof a
    /// notification came from Graph.
    /// </summary>
    public static bool IsUnresolvedKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
