using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsReviewBot.Hosting;

/// <summary>/healthz answers with each check's status and description as JSON.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
