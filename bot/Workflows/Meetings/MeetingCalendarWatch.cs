using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Subscriptions;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// The subscription on the organiser's events: Meeting:Organiser's calendar, posted to
/// Meeting:NotificationUrl (or Graph:NotificationUrl + "/events"), lifecycle events to that URL +
/// "/lifecycle", proven by Graph:ClientStateSecret. Answers are followed only when all three are set.
/// </summary>
public sealed class MeetingCalendarWatch(IOptions<MeetingOptions> meeting, IOptions<MailboxOptions> graph)
{
    public bool Enabled => Create() is not null;

    public string? ClientState => graph.Value.ClientStateSecret is { Length: >= 16 and <= 128 } secret && !MailboxOptions.IsUnresolvedKeyVaultReference(secret) ? secret : null;

    /// <summary>The watch, or null when the organiser, the notification URL or the secret is missing.</summary>
    public MailboxWatch? Create()
    {
        var url = meeting.Value.NotificationUrl
            ?? (graph.Value.NotificationUrl is { Length: > 0 } mail ? mail.TrimEnd('/') + "/events" : null);
        if (meeting.Value.Organiser is not { Length: > 0 } organiser || string.IsNullOrWhiteSpace(url) || ClientState is not { } secret)
        {
            return null;
        }

        return MailboxWatch.Events(organiser, url, url.TrimEnd('/') + "/lifecycle", secret, graph.Value.SubscriptionLifetime);
    }
}
