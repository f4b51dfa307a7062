using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Notifications;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Storage.Intake;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Graph's webhooks. POST …?validationToken=x answers the handshake (200, text/plain, the decoded
/// token). Otherwise each notification whose clientState matches is stored and the answer is 202,
/// with no Graph call on the way: Graph throttles and then drops endpoints slower than 3 s.
/// A storage failure answers 500 so that Graph delivers again. The endpoint is unauthenticated (the
/// clientState is the proof), so what it costs a stranger is bounded: the body is read to at most
/// 1 MB whether or not it declares a Content-Length (a chunked body is cut off there), and forged
/// items are logged as a count, at most once a minute. The validation echo is plain text and marked
/// nosniff, so a browser never renders the echoed token as a page.
/// </summary>
public static partial class NotificationsEndpoint
{
    public static IEndpointRouteBuilder MapMailboxNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/notifications", ReceiveAsync);
        endpoints.MapPost("/api/notifications/lifecycle", ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        MailWorkInbox queue,
        WorkArrived workArrived,
        IOptions<MailboxOptions> options,
        ClientStateMismatchLog mismatches,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (GraphWebhookRequest.ValidationEcho(request) is { } echo)
        {
            return echo;
        }

        var logger = loggers.CreateLogger(typeof(NotificationsEndpoint));
        var secret = options.Value.ClientStateSecret;
        if (!options.Value.Enabled || string.IsNullOrEmpty(secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Mailbox intake is not configured here (Graph:Mailbox, Graph:ClientStateSecret).");
        }

        var body = await GraphWebhookRequest.ReadBoundedAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
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

        var accepted = new List<MailWorkItem>();
        var forged = 0;
        foreach (var n in notifications)
        {
            if (!NotificationPayload.ClientStateMatches(secret, n.ClientState))
            {
                forged++;
                continue;
            }

            if (n.IsLifecycle)
            {
                accepted.Add(new MailWorkItem(MailWorkKind.Lifecycle, n.LifecycleEvent!, n.SubscriptionId, "lifecycle"));
            }
            else if (n.MessageId is { } messageId)
            {
                accepted.Add(new MailWorkItem(MailWorkKind.Message, messageId, n.SubscriptionId, "notification"));
            }
        }

        mismatches.Ignored(forged);
        try
        {
            await queue.EnqueueAsync(accepted, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex)
        {
            LogStoreFailed(logger, ex);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        workArrived.Signal.Raise();
        return Results.Accepted();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store notifications; answering 500 so Graph delivers them again")]
    private static partial void LogStoreFailed(ILogger logger, Exception ex);
}
