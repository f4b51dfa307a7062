using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>A request the bot made to the Bot Connector, with the full request path.</summary>
public sealed record ConnectorCall(string Method, string Path, JsonNode? Body, string? Authorization, DateTimeOffset At)
{
    /// <summary>The adaptive card the call carries, if any (a message, or a new thread's first activity).</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"] ?? Body?["activity"]?["attachments"]?[0]?["content"];

    public string Text => Body?["text"]?.GetValue<string>() ?? string.Empty;
}

/// <summary>What the fake connector answers one call with.</summary>
public sealed record ConnectorAnswer(int Status, JsonNode? Body = null, TimeSpan? RetryAfter = null);

/// <summary>
/// A Bot Connector stand-in on Kestrel that speaks the v3 wire format the way Teams and the Agents
/// Playground do (201 with ids, createConversation answering "{channel};messageid={id}"), records
/// every call, and can be told to answer a path with other statuses (429 with Retry-After, 403…).
/// By default its service URL has a path of its own (/_connector/, as the Playground's and Teams'
/// have), so a bot that drops the path of a conversation's serviceUrl misses it.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private int _nextId = 1000;

    private FakeConnector(WebApplication app) => _app = app;

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Answers for calls whose path contains the key, used in order; the last one repeats.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<ConnectorAnswer>> Scripted { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeConnector> StartAsync(string basePath = "/_connector")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeConnector(app);
        app.Map("/{**path}", fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ServiceUrl = address.TrimEnd('/') + basePath + "/";
        return fake;
    }

    public void Answer(string pathContains, params ConnectorAnswer[] answers) =>
        Scripted[pathContains] = new ConcurrentQueue<ConnectorAnswer>(answers);

    public IReadOnlyList<ConnectorCall> CallsTo(string method, string pathContains) =>
        [.. Calls.Where(c => c.Method == method && c.Path.Contains(pathContains, StringComparison.Ordinal))];

    /// <summary>Waits until <paramref name="predicate"/> holds for the recorded calls.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(Func<IReadOnlyList<ConnectorCall>, bool> predicate, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!predicate(Calls))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The bot did not make the expected connector calls. Calls: " + string.Join(", ", Calls.Select(c => c.Method + " " + c.Path)));
            }

            await Task.Delay(25);
        }

        return Calls;
    }

    /// <summary>Waits until a recorded call matches <paramref name="match"/>, and returns the latest that does.</summary>
    public async Task<ConnectorCall> WaitForCallAsync(Func<ConnectorCall, bool> match, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow <= until)
        {
            if (Calls.LastOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"The bot never sent {what}. It sent: {string.Join(" | ", Calls.Select(c => c.Method + " " + c.Path))}");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? string.Empty);
        _calls.Enqueue(new ConnectorCall(context.Request.Method, path, body, context.Request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow));

        // The most specific scripted path wins.
        var scripted = Scripted.Where(s => path.Contains(s.Key, StringComparison.Ordinal)).OrderByDescending(s => s.Key.Length).FirstOrDefault().Value;
        if (scripted is not null && (scripted.Count > 1 ? scripted.TryDequeue(out var answer) : scripted.TryPeek(out answer)))
        {
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (answer.Body is not null)
            {
                await context.Response.WriteAsJsonAsync(answer.Body);
            }

            return;
        }

        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(channel is null
                ? new JsonObject { ["id"] = "a:personal-" + id }
                : new JsonObject { ["id"] = $"{channel};messageid={id}", ["activityId"] = id });
            return;
        }

        context.Response.StatusCode = context.Request.Method == "PUT" ? 200 : 201;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = id });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
