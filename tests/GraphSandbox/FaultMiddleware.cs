namespace GraphSandbox;

/// <summary>
/// Counts Graph calls and misbehaves like Outlook does: a requested 429/503 storm with Retry-After,
/// and a 429 for a fifth concurrent request to one mailbox (Outlook allows 4).
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, SandboxState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        state.Stats.CountRequest();
        if (state.Faults.TakeThrottle())
        {
            state.Stats.CountThrottled();
            await WriteThrottleAsync(context, state.Faults.ThrottleStatus, state.Faults.RetryAfterSeconds, "Application is over its MailboxConcurrency limit or request rate.");
            return;
        }

        var mailbox = MailboxOf(path);
        if (mailbox is null)
        {
            state.Stats.CountServed(KindOf(path));
            await next(context);
            return;
        }

        try
        {
            if (state.Stats.Enter(mailbox) > state.Faults.MailboxConcurrencyLimit)
            {
                state.Stats.CountConcurrencyRejection();
                await WriteThrottleAsync(context, 429, 1, "Application is over its MailboxConcurrency limit.");
                return;
            }

            state.Stats.CountServed(KindOf(path));

            // Hold the request a moment so concurrency is visible, as a real mailbox call would.
            await Task.Delay(15, context.RequestAborted);
            if (IsDraftCreation(context.Request) && state.Faults.TakeDraftHold() is { } hold)
            {
                await hold.WaitAsync(context.RequestAborted);
            }

            await next(context);
        }
        finally
        {
            state.Stats.Leave(mailbox);
        }
    }

    private static bool IsDraftCreation(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["v1.0", var users, _, var messages]
        && users.Equals("users", StringComparison.OrdinalIgnoreCase) && messages.Equals("messages", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a request was for, for a per-kind count: a mailbox's delta pages and the
    /// subscriptions are shared by every message; the rest is spent on one message each.</summary>
    private static string KindOf(string path) =>
        path.Contains("/delta", StringComparison.OrdinalIgnoreCase) ? "delta"
        : path.StartsWith("/v1.0/subscriptions", StringComparison.OrdinalIgnoreCase) ? "subscriptions"
        : path.EndsWith("/sendMail", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/send", StringComparison.OrdinalIgnoreCase) ? "send"
        : path.Contains("/attachments", StringComparison.OrdinalIgnoreCase) ? "attachments"
        : path.Contains("/messages", StringComparison.OrdinalIgnoreCase) ? "messages"
        : "other";

    private static string? MailboxOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && parts[1].Equals("users", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(parts[2]) : null;
    }

    private static Task WriteThrottleAsync(HttpContext context, int status, int retryAfterSeconds, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.Response.WriteAsJsonAsync(new
        {
            error = new { code = status == 429 ? "ApplicationThrottled" : "ServiceUnavailable", message },
        });
    }
}
