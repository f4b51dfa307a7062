using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// The whole bot on a real Kestrel port (loopback, development mode, no app id), with its tables
/// under a prefix of its own on Azurite. Extra settings override appsettings.
/// </summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotApplicationFactory(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewPrefix(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
