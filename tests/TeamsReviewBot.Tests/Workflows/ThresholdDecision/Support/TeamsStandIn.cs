using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;

/// <summary>
/// The Bot Connector as Teams answers it, on a real Kestrel port: createConversation for a channel
/// thread answers "{channel};messageid={n}" with activityId n (microsoft/teams.net
/// docs/CreateConversation-API-Behavior.md); sends answer 201 with an id; updates 200.
/// Every call is recorded.
/// </summary>
public sealed class TeamsStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId = 1000;

    private TeamsStandIn(WebApplication app) => _app = app;

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<TeamsStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new TeamsStandIn(app);
        app.MapPost("/v3/conversations", async (HttpContext context) =>
        {
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync());
            standIn.Calls.Enqueue(new ConnectorCall("POST", "/v3/conversations", body));
            var id = standIn.NextId();
            var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
            return channel is null
                ? Results.Json(new { id = "a:personal-" + id }, statusCode: 201)
                : Results.Json(new { id = $"{channel};messageid={id}", activityId = id }, statusCode: 201);
        });
        app.Map("/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
            standIn.Calls.Enqueue(new ConnectorCall(context.Request.Method, Uri.UnescapeDataString(context.Request.Path.Value ?? string.Empty), string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)));
            return Results.Json(new { id = standIn.NextId() }, statusCode: context.Request.Method == "PUT" ? 200 : 201);
        });
        await app.StartAsync();
        standIn.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return standIn;
    }

    /// <summary>Waits until a recorded call matches, and returns the latest that does.</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (Calls.LastOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"The bot never sent {what}. It sent: {string.Join(" | ", Calls.Select(c => $"{c.Method} {c.Path}"))}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record ConnectorCall(string Method, string Path, JsonNode? Body)
{
    /// <summary>The adaptive card the call carries, if any.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"] ?? Body?["activity"]?["attachments"]?[0]?["content"];

    public string Text => Body?["text"]?.GetValue<string>() ?? string.Empty;
}
