using TeamsReviewBot.GraphIntegration.Notifications;
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
    private const int MaxBodyBytes = 1024 * 1024;

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
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Text(token.ToString(), "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status200OK);
        }

        if (watch.ClientState is not { } secret || !watch.Enabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Meeting answers are not followed here (Meeting:Organiser, Graph:NotificationUrl, Graph:ClientStateSecret).");
        }

        if (request.ContentLength > MaxBodyBytes || await ReadBoundedAsync(request, cancellationToken).ConfigureAwait(false) is not { } body)
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

    /// <summary>The body as text, or null when it runs past <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store calendar notifications; answering 500 so Graph delivers them again")]
    private static partial void LogStoreFailed(ILogger logger, Exception ex);
}
