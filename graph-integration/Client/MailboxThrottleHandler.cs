using System.Collections.Concurrent;
using System.Net;

namespace TeamsReviewBot.GraphIntegration.Client;

/// <summary>
/// Graph etiquette per mailbox: at most N requests in flight (Outlook's limit is 4 per app and
/// mailbox); a 429 or 503 is retried after Retry-After (or an exponential wait when there is none)
/// plus random jitter, and while Graph has asked for a pause no other request to that mailbox starts.
/// </summary>
public sealed class MailboxThrottleHandler(GraphConnection connection, TimeProvider time) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, MailboxGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gate = _gates.GetOrAdd(MailboxOf(request.RequestUri), _ => new MailboxGate(connection.MaxConcurrentRequestsPerMailbox));
        if (request.Content is not null)
        {
            // A retried request must carry the same body: buffer it once.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            await gate.EnterAsync(time, cancellationToken).ConfigureAwait(false);
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Slots.Release();
            }

            if (IsRetryable(response.StatusCode))
            {
                GraphMetrics.Throttled.Add(1, new KeyValuePair<string, object?>("http.response.status_code", (int)response.StatusCode));
            }

            if (!IsRetryable(response.StatusCode) || attempt >= connection.MaxRetries)
            {
                return response;
            }

            var wait = RetryDelay(response, attempt);
            gate.PauseUntil(time.GetUtcNow() + wait);
            response.Dispose();
        }
    }

    internal static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>Retry-After (seconds or a date) when given, else base × 2^attempt; capped; plus up to 20 % (at least 250 ms) of jitter.</summary>
    internal TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : connection.BaseRetryDelay * Math.Pow(2, attempt));
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }

        if (wait > connection.MaxRetryDelay)
        {
            wait = connection.MaxRetryDelay;
        }

        var jitterCeiling = Math.Max(250, wait.TotalMilliseconds * 0.2);
        return wait + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * jitterCeiling);
    }

    internal static string MailboxOf(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].Equals("users", StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(segments[i + 1]);
            }
        }

        return string.Empty;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var gate in _gates.Values)
            {
                gate.Slots.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private sealed class MailboxGate(int slots)
    {
        private long _resumeAtTicks;

        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public void PauseUntil(DateTimeOffset at)
        {
            var ticks = at.UtcTicks;
            long seen;
            do
            {
                seen = Interlocked.Read(ref _resumeAtTicks);
                if (seen >= ticks)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _resumeAtTicks, ticks, seen) != seen);
        }

        /// <summary>Takes a slot once Graph's pause is over; a pause that began while queued for a slot is waited out too.</summary>
        public async Task EnterAsync(TimeProvider time, CancellationToken cancellationToken)
        {
            while (true)
            {
                await WaitForResumeAsync(time, cancellationToken).ConfigureAwait(false);
                await Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (new DateTimeOffset(Interlocked.Read(ref _resumeAtTicks), TimeSpan.Zero) <= time.GetUtcNow())
                {
                    return;
                }

                Slots.Release();
            }
        }

        private async Task WaitForResumeAsync(TimeProvider time, CancellationToken cancellationToken)
        {
            while (true)
            {
                var wait = new DateTimeOffset(Interlocked.Read(ref _resumeAtTicks), TimeSpan.Zero) - time.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
