using TeamsReviewBot.GraphIntegration.Notifications;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Graph's webhook for the organiser's events. POST …?validationToken=x answers the handshake (200,
/// text/plain, the token). Otherwise each item whose clientState matches Graph:ClientStateSecret is
/// kept as a durable timer due at once (a changed event, or a lifecycle event) and the answer is 202,
/// with no Graph call on the way; a storage failure answers 500 so that Graph delivers again. Items
/// with another clientState are dropped and counted in the log, at most once a minute.
/// </summary>
public static partial class MeetingNotificationsEndpoint
{
    public static IEndpointRouteBuilder MapMeetingNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/notifications/events", ReceiveAsync);
        endpoints.MapPost("/api/notifications/events/lifecycle", ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        MeetingCalendarWatch watch,
        DurableTimerStore timers,
        TimeProvider time,
        Intake.ClientStateMismatchLog mismatches,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (GraphWebhookRequest.ValidationEcho(request) is { } echo)
        {
            return echo;
        }

        if (watch.ClientState is not { } secret || !watch.Enabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Meeting answers are not followed here (Meeting:Organiser, Graph:NotificationUrl, Graph:ClientStateSecret).");
        }

        if (await GraphWebhookRequest.ReadBoundedAsync(request, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "A notification body is never this large.");
        }

        IReadOnlyList<ChangeNotification> notifications;
        try
        {
            notifications = NotificationPayload.Parse(body);
        }
        catch (FormatException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: ex.Message);
        }

        var now = time.GetUtcNow();
        var accepted = new List<DurableTimer>();
        var forged = 0;
        foreach (var n in notifications)
        {
            if (!NotificationPayload.ClientStateMatches(secret, n.ClientState))
            {
                forged++;
            }
            else if (n.IsLifecycle)
            {
                accepted.Add(MeetingCalendarTimers.Lifecycle(n.LifecycleEvent!, n.SubscriptionId, now));
            }
            else if (n.EventId is { } eventId)
            {
                accepted.Add(MeetingCalendarTimers.EventChanged(eventId, now));
            }
        }

        mismatches.Ignored(forged);
        try
        {
            foreach (var timer in accepted.DistinctBy(t => t.Id))
            {
                await timers.ScheduleAsync(timer, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            LogStoreFailed(loggers.CreateLogger(typeof(MeetingNotificationsEndpoint)), ex);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Accepted();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store calendar notifications; answering 500 so Graph delivers them again")]
    private static partial void LogStoreFailed(ILogger logger, Exception ex);
}
