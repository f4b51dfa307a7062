namespace TeamsReviewBot.Hosting;

/// <summary>Anything that escapes a handler becomes a short JSON error, never a stack trace.</summary>
public static class ErrorResponses
{
    public static void Configure(IApplicationBuilder app) => app.Run(async context =>
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsJsonAsync(new { error = "Something went wrong on our side; nothing was lost. Please try again." }).ConfigureAwait(false);
    });
}
