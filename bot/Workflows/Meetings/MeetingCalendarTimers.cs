using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TeamsReviewBot.GraphIntegration.Notifications;
using TeamsReviewBot.GraphIntegration.Subscriptions;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>What Graph said about the organiser's calendar, kept as durable timers due at once: the
/// webhook answers Graph within its deadline and the work survives a restart. One timer per event, so
/// repeated notifications about the same event collapse into one reading of it.</summary>
public static class MeetingCalendarTimers
{
    public const string EventChangedKind = "meeting-event-changed";
    public const string LifecycleKind = "meeting-calendar-lifecycle";

    /// <summary>Event ids may hold characters a timer id may not: the id is a digest of it.</summary>
    public static DurableTimer EventChanged(string eventId, DateTimeOffset now) =>
        new($"meeting-event:{Digest(eventId)}", EventChangedKind, "meeting-calendar", now, JsonSerializer.Serialize(new EventChangedPayload(eventId)));

    public static DurableTimer Lifecycle(string lifecycleEvent, string? subscriptionId, DateTimeOffset now) =>
        new($"meeting-calendar-lifecycle:{Digest(lifecycleEvent + subscriptionId)}", LifecycleKind, "meeting-calendar", now, JsonSerializer.Serialize(new LifecyclePayload(lifecycleEvent, subscriptionId)));

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

public sealed record EventChangedPayload(string EventId);

public sealed record LifecyclePayload(string LifecycleEvent, string? SubscriptionId);

/// <summary>An organiser's event changed: its answers are read and recorded on its case.</summary>
public sealed class MeetingEventChangedHandler(MeetingQuorumCheck quorum) : ITimerHandler
{
    public string Kind => MeetingCalendarTimers.EventChangedKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (JsonSerializer.Deserialize<EventChangedPayload>(timer.Payload) is { EventId: { Length: > 0 } eventId })
        {
            await quorum.FollowEventAsync(eventId, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Graph's lifecycle events for the calendar subscription: reauthorize when asked, make a new
/// subscription when it was removed, and read every booked meeting's answers again when notifications
/// were missed or the subscription was gone.</summary>
public sealed class MeetingCalendarLifecycleHandler(SubscriptionManager subscriptions, MeetingCalendarWatch watch, MeetingAnswersCatchUp catchUp) : ITimerHandler
{
    public string Kind => MeetingCalendarTimers.LifecycleKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (JsonSerializer.Deserialize<LifecyclePayload>(timer.Payload) is not { } payload || watch.Create() is not { } calendar)
        {
            return;
        }

        switch (payload.LifecycleEvent)
        {
            case LifecycleEvents.ReauthorizationRequired when payload.SubscriptionId is { } id:
                await subscriptions.ReauthorizeAsync(calendar, id, cancellationToken).ConfigureAwait(false);
                break;
            case LifecycleEvents.SubscriptionRemoved:
                await subscriptions.RecreateAsync(calendar, cancellationToken).ConfigureAwait(false);
                await catchUp.RunAsync(cancellationToken).ConfigureAwait(false);
                break;
            case LifecycleEvents.Missed:
                await catchUp.RunAsync(cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
