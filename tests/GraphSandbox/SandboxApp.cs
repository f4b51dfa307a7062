namespace GraphSandbox;

/// <summary>Builds the sandbox: Graph v1.0 wire format under /v1.0, controls under /sandbox.</summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SandboxState>();
        builder.Services.AddSingleton<NotificationPusher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationPusher>());
        builder.Services.AddHttpClient(NotificationPusher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<FaultMiddleware>();
        app.MapSubscriptionEndpoints();
        app.MapMailEndpoints();
        app.MapCalendarEndpoints();
        app.MapCalendarControls();
        app.MapTeamsAppEndpoints();
        app.MapControlEndpoints();
        app.MapGet("/", () => Results.Text("Graph sandbox: Graph v1.0 under /v1.0, controls under /sandbox (see tests/GraphSandbox/README.md)."));
        return app;
    }
}
