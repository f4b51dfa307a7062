using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Notifications;
using TeamsReviewBot.Workflows.Intake.Storage;

namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Graph's webhooks. POST …?validationToken=x answers the handshake (200, text/plain, the decoded
/// token). Otherwise each notification whose clientState matches is stored and the answer is 202,
/// with no Graph call on the way: Graph throttles and then drops endpoints slower than 3 s.
/// A storage failure answers 500 so that Graph delivers again.
/// </summary>
public static partial class NotificationsEndpoint
{
    private const int MaxBodyBytes = 1024 * 1024;

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
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            return Results.Text(token.ToString(), "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status200OK);
        }

        var logger = loggers.CreateLogger(typeof(NotificationsEndpoint));
        var secret = options.Value.ClientStateSecret;
        if (!options.Value.Enabled || string.IsNullOrEmpty(secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Mailbox intake is not configured here (Graph:Mailbox, Graph:ClientStateSecret).");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "A notification body is never this large.");
        }

        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
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
        foreach (var n in notifications)
        {
            if (!NotificationPayload.ClientStateMatches(secret, n.ClientState))
            {
                LogClientStateMismatch(logger, n.SubscriptionId);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a notification for subscription {SubscriptionId}: its clientState does not match")]
    private static partial void LogClientStateMismatch(ILogger logger, string? subscriptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store notifications; answering 500 so Graph delivers them again")]
    private static partial void LogStoreFailed(ILogger logger, Exception ex);
}
