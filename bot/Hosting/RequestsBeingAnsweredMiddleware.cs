namespace TeamsReviewBot.Hosting;

/// <summary>Counts every request but the health probe's as one someone waits on (<see cref="RequestsBeingAnswered"/>).</summary>
public static class RequestsBeingAnsweredMiddleware
{
    public static IApplicationBuilder UseRequestsBeingAnswered(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var requests = app.ApplicationServices.GetRequiredService<RequestsBeingAnswered>();
        return app.Use(async (context, next) =>
        {
            // App Service and the load balancer probe /healthz every few seconds: nobody waits on it.
            if (context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
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
