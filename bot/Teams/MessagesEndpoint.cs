using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Teams.Auth;

namespace TeamsReviewBot.Teams;

/// <summary>POST /api/messages: where Teams (or the Agents Playground) delivers activities.</summary>
public static partial class MessagesEndpoint
{
    /// <summary>Activities are small; a card submit with long rationale is a few KB. Anything near
    /// this size is not a Teams activity.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        var bot = endpoints.ServiceProvider.GetRequiredService<IOptions<BotAuthOptions>>().Value;
        var route = endpoints.MapPost("/api/messages", HandleAsync);
        if (bot.IsDevelopmentMode)
        {
            route.AllowAnonymous();
        }
        else
        {
            route.RequireAuthorization(BotAuthenticationSchemes.Policy);
        }

        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ActivityRouter router, InboundActivityCheck check, IOptions<BotAuthOptions> bot, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("TeamsReviewBot.Teams.MessagesEndpoint");
        if (bot.Value.IsDevelopmentMode && NotFromThisMachine(context) is { } where)
        {
            // Belt and braces behind the start-up check: unauthenticated mode serves this machine
            // only. A tunnel forwards from loopback, so the Host it was asked for counts too.
            LogRefusedRemote(logger, where);
            return Problem(401, "The request was not authenticated: development mode accepts activities from this machine only.");
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Problem(413, $"The activity is larger than {MaxBodyBytes / 1024} KB.");
        }

        Activity? activity;
        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(new LimitedWriteStream(body, MaxBodyBytes), context.RequestAborted).ConfigureAwait(false);
            body.Position = 0;
            activity = await JsonSerializer.DeserializeAsync<Activity>(body, ActivityJson.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BodyTooLargeException)
        {
            return Problem(413, $"The activity is larger than {MaxBodyBytes / 1024} KB.");
        }
        catch (JsonException ex)
        {
            return Problem(400, $"The body is not a valid activity: {ex.Message}");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Problem(400, "The body is not a valid activity: it has no \"type\".");
        }

        if (check.Refusal(context.User, activity) is { } refusal)
        {
            LogRefusedActivity(logger, activity.Type, refusal);
            return Problem(401, $"The request was not authenticated: {refusal}.");
        }

        var result = await router.RouteAsync(activity, context.RequestAborted).ConfigureAwait(false);
        // Every click passes here: a line per request at Information costs CPU on each; one that failed is still told.
        LogHandled(logger, result.StatusCode >= 400 ? LogLevel.Information : LogLevel.Debug, activity.Type, result.StatusCode);

        return result.Body is null ? Results.StatusCode(result.StatusCode) : Results.Json(result.Body, statusCode: result.StatusCode);
    }

    /// <summary>The peer or the requested host when either is beyond loopback; null when both are local.</summary>
    private static string? NotFromThisMachine(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return remote.ToString();
        }

        var host = context.Request.Host.Host;
        return Loopback.IsHost(host) ? null : "Host " + host;
    }

    private static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    [LoggerMessage(Message = "Handled a {ActivityType} activity with {Status}.")]
    private static partial void LogHandled(ILogger logger, LogLevel level, string activityType, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated activity from {Remote}: development mode serves loopback only.")]
    private static partial void LogRefusedRemote(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {ActivityType} activity with 401: {Reason}.")]
    private static partial void LogRefusedActivity(ILogger logger, string activityType, string reason);

    private sealed class BodyTooLargeException : Exception;

    /// <summary>Stops copying once a body passes the limit, even when no Content-Length was sent.</summary>
    private sealed class LimitedWriteStream(Stream inner, long limit) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _written += count;
            if (_written > limit)
            {
                throw new BodyTooLargeException();
            }

            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _written += buffer.Length;
            if (_written > limit)
            {
                throw new BodyTooLargeException();
            }

            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
