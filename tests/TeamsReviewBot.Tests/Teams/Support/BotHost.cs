using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Teams.Support;

/// <summary>
/// The real bot (Program) on Kestrel at a loopback port, configured with in-memory settings.
/// Two hosts built with the same table prefix share their storage, as a restarted bot does.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotHost(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, string? tablePrefix = null)
    {
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = tablePrefix ?? AzuriteFixture.NewPrefix(),
            ["Bot:Retry:BaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The settings every Teams test shares: two business managers and a police lead in one tenant.</summary>
    public static Dictionary<string, string?> People() => new()
    {
        ["Partnership:People:0:AadObjectId"] = TestIds.AdaAad,
        ["Partnership:People:0:Name"] = "Ada Lovelace",
        ["Partnership:People:0:Role"] = "BusinessManager",
        ["Partnership:People:0:TenantId"] = TestIds.Tenant,
        ["Partnership:People:1:AadObjectId"] = TestIds.BobAad,
        ["Partnership:People:1:Name"] = "Bob Builder",
        ["Partnership:People:1:Role"] = "StatutoryLead",
        ["Partnership:People:1:Partner"] = "Police",
        ["Partnership:People:1:TenantId"] = TestIds.Tenant,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddLogging(l => l.AddProvider(Logs)));
    }
}

public static class TestIds
{
    public const string Tenant = "11111111-1111-1111-1111-111111111111";
    public const string Bot = "28:22222222-2222-2222-2222-222222222222";
    public const string AdaAad = "33333333-3333-3333-3333-333333333333";
    public const string Ada = "29:user-ada";
    public const string BobAad = "44444444-4444-4444-4444-444444444444";
    public const string Bob = "29:user-bob";
    public const string Team = "19:team-panel@thread.tacv2";
    public const string Channel = "19:channel-general@thread.tacv2";
    public const string AdaChat = "a:personal-ada";
}
