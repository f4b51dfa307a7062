using System.Net;
using Microsoft.Extensions.Options;

namespace TeamsReviewBot.Teams.Outbound;

/// <summary>
/// Retries the answers Teams documents as transient (429, 412, 502, 504) with exponential
/// back-off and jitter, waiting at least as long as Retry-After asks. The request body is
/// buffered once so it can be sent again.
/// </summary>
public sealed partial class ConnectorRetryHandler(IOptions<ConnectorRetryOptions> options, TimeProvider time, ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentHeaders = request.Content?.Headers.ToList();
        for (var attempt = 1; ; attempt++)
        {
            using var attemptRequest = Copy(request, body, contentHeaders);
            var response = await base.SendAsync(attemptRequest, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                TeamsReviewBot.Observability.BotMetrics.ConnectorThrottled.Add(1);
            }

            if (!Transient.Contains(response.StatusCode) || attempt >= settings.MaxAttempts)
            {
                return response;
            }

            var delay = DelayFor(response, attempt, settings);
            LogRetrying(logger, (int)response.StatusCode, request.RequestUri?.GetLeftPart(UriPartial.Path) ?? "?", delay.TotalMilliseconds, attempt);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    internal TimeSpan DelayFor(HttpResponseMessage response, int attempt, ConnectorRetryOptions settings)
    {
        var backOff = settings.BaseDelay * Math.Pow(2, attempt - 1);
        var jittered = backOff + (backOff * (Random.Shared.NextDouble() * 0.5));
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => TimeSpan.Zero,
        };
        var wait = retryAfter > jittered ? retryAfter : jittered;
        return wait > settings.MaxDelay ? settings.MaxDelay : wait;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body, List<KeyValuePair<string, IEnumerable<string>>>? contentHeaders)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in contentHeaders!)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Bot Connector answered {Status} for {Url}; retrying in {DelayMs:F0} ms (attempt {Attempt}).")]
    private static partial void LogRetrying(ILogger logger, int status, string url, double delayMs, int attempt);
}
