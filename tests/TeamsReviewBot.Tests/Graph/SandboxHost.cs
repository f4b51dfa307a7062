using System.Net.Http.Json;
using System.Text.Json;
using GraphSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TeamsReviewBot.Tests.Graph;

/// <summary>The Graph sandbox on Kestrel on a free local port, and a client for its /sandbox controls.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
        Control = new HttpClient { BaseAddress = root };
    }

    public Uri Root { get; }

    public string GraphBaseUrl => new Uri(Root, "v1.0").ToString();

    public HttpClient Control { get; }

    public SandboxState State => _app.Services.GetRequiredService<SandboxState>();

    /// <summary>Starts the sandbox; <paramref name="time"/> is the clock it checks subscription expiries against.</summary>
    public static async Task<SandboxHost> StartAsync(TimeProvider? time = null)
    {
        var app = SandboxApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address + "/"));
    }

    public async Task<string> DeliverAsync(string mailbox, byte[] rfc822)
    {
        using var content = new ByteArrayContent(rfc822);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        using var response = await Control.PostAsync(new Uri($"sandbox/mailboxes/{mailbox}/inbox", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("internetMessageId").GetString()!;
    }

    public async Task<IReadOnlyList<JsonElement>> SentAsync(string mailbox) =>
        (await Control.GetFromJsonAsync<JsonElement[]>(new Uri($"sandbox/mailboxes/{mailbox}/sent", UriKind.Relative)))!;

    /// <summary>From now on, mail sent to <paramref name="address"/> lands in its sandbox inbox.</summary>
    public async Task ReceivesAsync(string address)
    {
        using var response = await Control.PostAsync(new Uri($"sandbox/mailboxes/{address}/receives", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<JsonElement>> InboxAsync(string mailbox) =>
        (await Control.GetFromJsonAsync<JsonElement[]>(new Uri($"sandbox/mailboxes/{mailbox}/inbox", UriKind.Relative)))!;

    /// <summary>Delivers a message and answers its Graph id, as a change notification would name it.</summary>
    public async Task<string> DeliverForIdAsync(string mailbox, byte[] rfc822)
    {
        var internetMessageId = await DeliverAsync(mailbox, rfc822);
        return (await InboxAsync(mailbox)).Single(m => m.GetProperty("internetMessageId").GetString() == internetMessageId).GetProperty("id").GetString()!;
    }

    public async Task FaultsAsync(object settings)
    {
        using var response = await Control.PostAsJsonAsync(new Uri("sandbox/faults", UriKind.Relative), settings);
        response.EnsureSuccessStatusCode();
    }

    public async Task LifecycleAsync(string subscriptionId, string lifecycleEvent)
    {
        using var response = await Control.PostAsync(new Uri($"sandbox/subscriptions/{subscriptionId}/lifecycle/{lifecycleEvent}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
