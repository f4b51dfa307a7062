using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TeamsReviewBot.Observability;

/// <summary>
/// OpenTelemetry traces, metrics and logs: to Azure Monitor (the Application Insights the Bicep
/// creates) when APPLICATIONINSIGHTS_CONNECTION_STRING is set, and to the console only when
/// Telemetry:Console is true, so a local run stays quiet unless asked.
/// </summary>
public static class TelemetrySetup
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static WebApplicationBuilder AddBotTelemetry(this WebApplicationBuilder builder)
    {
        var toAzureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[AzureMonitorSetting]);
        var toConsole = builder.Configuration.GetValue("Telemetry:Console", false);
        if (!toAzureMonitor && !toConsole)
        {
            // The meter still counts (a MeterListener or dotnet-counters can read it); nothing is exported.
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("TeamsReviewBot"))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        if (toAzureMonitor)
        {
            // Reads the connection string from the same setting; also sends logs.
            telemetry.UseAzureMonitor();
        }

        if (toConsole)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter())
                .WithLogging(logging => logging.AddConsoleExporter());
        }

        return builder;
    }
}
