using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// The real bot (Program) on a real Kestrel port, configured with in-memory settings over its own
/// tables on Azurite: the one host every test that runs the whole bot uses. Two factories built with
/// the same table prefix share their storage, as a restarted bot does. Every log line the bot writes
/// is kept in <see cref="Logs"/>.
/// </summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    /// <summary>A bot on Azurite under a fresh table prefix (or <paramref name="tablePrefix"/>), with
    /// connector retries shortened so a test does not wait seconds; <paramref name="settings"/> override.</summary>
    public BotApplicationFactory(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, string? tablePrefix = null)
        : this(Overlay(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = tablePrefix ?? AzuriteFixture.NewPrefix(),
            ["Bot:Retry:BaseDelay"] = "00:00:00.050",

            // A command's index row and timers are in place when it answers, so a test can look at
            // them straight away; CaseFollowUpTests run them after the reply, as a deployment does.
            ["CaseFollowUps:RunBeforeReply"] = "true",
        }, settings))
    {
    }

    /// <summary>A bot configured with exactly <paramref name="settings"/>.</summary>
    public BotApplicationFactory(IDictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        // Listen(...) rather than UseKestrel(0): the port overload rewrites the server's addresses while
        // a minimal-hosting app may already be binding them, a known race (dotnet/aspnetcore#67714).
        UseKestrel(o => o.Listen(ListenAddress, Port));
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The hosting environment; null leaves the factory's own (Development).</summary>
    public string? EnvironmentName { get; init; }

    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The port to listen on; 0 lets the system choose a free one.</summary>
    public int Port { get; init; }

    /// <summary>The least severe log level kept; null keeps the bot's own configuration.</summary>
    public LogLevel? MinimumLogLevel { get; init; }

    /// <summary>Replaces services after the bot registered its own (a clock, a recorder of alerts).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (EnvironmentName is not null)
        {
            builder.UseEnvironment(EnvironmentName);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            if (MinimumLogLevel is { } level)
            {
                logging.SetMinimumLevel(level);
            }

            logging.AddProvider(Logs);
        });
        if (TestServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
    }

    private static Dictionary<string, string?> Overlay(Dictionary<string, string?> defaults, IDictionary<string, string?>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }

        return defaults;
    }
}
