namespace TeamsReviewBot.GraphIntegration.Subscriptions;

/// <summary>What to watch and where Graph should tell us: the inbox of <paramref name="Mailbox"/>,
/// created messages, posted to <paramref name="NotificationUrl"/>, lifecycle events to
/// <paramref name="LifecycleNotificationUrl"/>, each carrying <paramref name="ClientState"/>.</summary>
public sealed record MailboxWatch(string Mailbox, string NotificationUrl, string LifecycleNotificationUrl, string ClientState, TimeSpan Lifetime)
{
    /// <summary>Graph refuses more than 4,230 minutes for Outlook messages; stay a little under.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(4200);

    public TimeSpan EffectiveLifetime => Lifetime <= TimeSpan.Zero || Lifetime > MaxLifetime ? MaxLifetime : Lifetime;

    /// <summary>What Graph is asked to watch; the inbox's messages unless a calendar watch says otherwise.</summary>
    public string Resource { get; init; } = $"users/{Mailbox}/mailFolders('inbox')/messages";

    /// <summary>Graph's changeType list: new mail only, unless a calendar watch says otherwise.</summary>
    public string ChangeType { get; init; } = "created";

    /// <summary>Where the subscription is kept between runs: the mailbox's own key for its inbox.</summary>
    public string Key { get; init; } = Mailbox;

    /// <summary>The organiser's calendar events, created, updated (moved, answered) and deleted;
    /// kept apart from the same mailbox's inbox subscription.</summary>
    public static MailboxWatch Events(string organiser, string notificationUrl, string lifecycleNotificationUrl, string clientState, TimeSpan lifetime) =>
        new(organiser, notificationUrl, lifecycleNotificationUrl, clientState, lifetime)
        {
            Resource = $"users/{organiser}/events",
            ChangeType = "created,updated,deleted",
            Key = "events:" + organiser,
        };
}
