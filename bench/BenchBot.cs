using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsReviewBot.Bench;

/// <summary>The real bot (its Program, Release build) on a Kestrel loopback port in development mode
/// (no app id, so /api/messages takes unauthenticated activities from loopback, as the tests run it),
/// over its own tables on Azurite. (Any type of the bot's assembly names its entry point.) Its table client counts every storage call it makes.</summary>
public sealed class BenchBot : WebApplicationFactory<StorageTables>
{
    private readonly Dictionary<string, string?> _settings;

    /// <param name="port">0 for any free port; a fixed one when the bot's URL must be known before it starts (Graph's notification URL).</param>
    public BenchBot(Dictionary<string, string?> settings, int port = 0)
    {
        _settings = settings;
        UseKestrel(k => k.Listen(IPAddress.Loopback, port));
    }

    public CountingPolicy Storage { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The bot's settings and playbooks are copied beside the benchmark's own binaries.
        builder.UseContentRoot(AppContext.BaseDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Warnings only: a line per request would measure the console, not the bot.
        builder.ConfigureLogging(logging => logging.AddFilter((_, level) => level >= LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton(sp =>
        {
            // The bot's own client settings (StorageServiceCollectionExtensions), plus the counter.
            var options = new TableClientOptions();
            options.Retry.MaxRetries = 2;
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            options.AddPolicy(Storage, HttpPipelinePosition.PerRetry);
            return new TableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString, options);
        }));
    }
}
