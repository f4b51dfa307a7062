using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// Stands in for where Teams keeps a file attached in a personal chat (the user's OneDrive): a
/// Kestrel endpoint on the loopback address serving the bytes put here at "/files/{name}", and
/// "/moved/{name}" answering 302 to the file, as a redirect would. Counts every request by path.
/// </summary>
public sealed class LocalFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private LocalFileServer(WebApplication app) => _app = app;

    /// <summary>"127.0.0.1:port": the host the bot is configured to trust for the test.</summary>
    public string Authority { get; private set; } = string.Empty;

    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Something that happens elsewhere while the next file is being fetched (once).</summary>
    public Func<Task>? WhileServing { get; set; }

    public static async Task<LocalFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalFileServer(app);
        app.MapGet("/files/{name}", async (string name, HttpContext context) =>
        {
            server._requests.Enqueue(context.Request.Path);
            if (server.WhileServing is { } meanwhile)
            {
                server.WhileServing = null;
                await meanwhile();
            }

            return server._files.TryGetValue(name, out var bytes)
                ? Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                : Results.NotFound();
        });
        app.MapGet("/moved/{name}", (string name, HttpContext context) =>
        {
            server._requests.Enqueue(context.Request.Path);
            return Results.Redirect("/files/" + name);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.Authority = address.Authority;
        return server;
    }

    public string Put(string name, byte[] content)
    {
        _files[name] = content;
        return $"http://{Authority}/files/{name}";
    }

    public string Moved(string name) => $"http://{Authority}/moved/{name}";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
