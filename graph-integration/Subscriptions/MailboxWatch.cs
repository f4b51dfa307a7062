namespace TeamsReviewBot.GraphIntegration.Subscriptions;

/// <summary>What to watch and where Graph should tell us: the inbox of <paramref name="Mailbox"/>,
/// created messages, posted to <paramref name="NotificationUrl"/>, lifecycle events to
/// <paramref name="LifecycleNotificationUrl"/>, each carrying <paramref name="ClientState"/>.</summary>
public sealed record MailboxWatch(string Mailbox, string NotificationUrl, string LifecycleNotificationUrl, string ClientState, TimeSpan Lifetime)
{
    /// <summary>Graph refuses more than 4,230 minutes for Outlook messages; stay a little under.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(4200);

    public TimeSpan EffectiveLifetime => Lifetime <= TimeSpan.Zero || Lifetime > MaxLifetime ? MaxLifetime : Lifetime;

    public string Resource => $"users/{Mailbox}/mailFolders('inbox')/messages";
}
