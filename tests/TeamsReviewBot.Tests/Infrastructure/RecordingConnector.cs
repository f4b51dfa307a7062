using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// A Bot Connector stand-in on a real Kestrel port: it records every activity the bot sends to
/// /v3/conversations/... and answers as the Teams connector does (201 with an id).
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId;

    private RecordingConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new RecordingConnector(app);
        app.Map("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            connector.Calls.Enqueue(new RecordedCall(context.Request.Method, context.Request.Path + context.Request.QueryString, string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body)));
            var id = Interlocked.Increment(ref connector._nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { id }, statusCode: context.Request.Method == "PUT" ? 200 : 201);
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return connector;
    }

    /// <summary>Waits until the bot has sent at least <paramref name="count"/> calls.</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Calls.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return [.. Calls];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record RecordedCall(string Method, string Path, JsonNode? Body);
