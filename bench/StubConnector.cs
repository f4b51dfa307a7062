using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TeamsReviewBot.Bench;

/// <summary>Stands in for the Teams connector the bot posts to: answers every post and edit at once,
/// as the Bot Connector does (a new conversation gets "channel;messageid=N"). Remembers the first
/// channel thread started about each case code, so a click can be sent from that thread as Teams would.</summary>
public sealed partial class StubConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (string Channel, string ThreadId, string MessageId)> _threads = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private long _nextId;

    private StubConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public long Calls => Interlocked.Read(ref _nextId);

    /// <summary>How many cases have had a channel thread started about them.</summary>
    public int Threads => _threads.Count;

    public static async Task<StubConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new StubConnector(app);
        app.Map("/{**path}", stub.AnswerAsync);
        await app.StartAsync();
        stub.ServiceUrl = app.Urls.First() + "/";
        return stub;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false) as JsonObject;
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value!.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
            if (channel is not null && CaseCode().Match(body!.ToJsonString()) is { Success: true } code)
            {
                _threads.TryAdd(code.Value, (channel, $"{channel};messageid={id}", id));
            }

            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(channel is null
                ? new JsonObject { ["id"] = "a:personal-" + id }
                : new JsonObject { ["id"] = $"{channel};messageid={id}", ["activityId"] = id });
            return;
        }

        context.Response.StatusCode = HttpMethods.IsPut(context.Request.Method) ? 200 : 201;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = id });
    }

    /// <summary>The channel thread the bot started about <paramref name="caseCode"/>, if it has.</summary>
    public (string Channel, string ThreadId, string MessageId)? ThreadOf(string caseCode) =>
        _threads.TryGetValue(caseCode, out var thread) ? thread : null;

    [GeneratedRegex(@"\bRR-[A-Z]{3}-\d{4}-\d{4,}\b")]
    private static partial Regex CaseCode();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
