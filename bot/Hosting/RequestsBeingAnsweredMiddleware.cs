namespace TeamsReviewBot.Hosting;

/// <summary>
/// Counts the requests a person waits on (<see cref="RequestsBeingAnswered"/>): Teams activities, the
/// Outlook add-in's calls, the board. Not the health probe, and not Graph's change notifications: those
/// are answered by queuing their work, and the work they bring (a referral's case, its acknowledgement)
/// is what follow-ups carry out, so holding follow-ups back for them would slow intake for nobody.
/// </summary>
public static class RequestsBeingAnsweredMiddleware
{
    public static IApplicationBuilder UseRequestsBeingAnswered(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var requests = app.ApplicationServices.GetRequiredService<RequestsBeingAnswered>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/api/notifications", StringComparison.OrdinalIgnoreCase))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            using (requests.Begin())
            {
                await next(context).ConfigureAwait(false);
            }
        });
    }
}
