using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Teams.Support;

namespace TeamsReviewBot.Tests.Teams.Auth;

/// <summary>Without an app id the bot takes unauthenticated activities, but only on loopback.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class DevelopmentModeTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:80", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://10.1.2.3:3978", false)]
    public void Only_loopback_addresses_count_as_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, DevelopmentModeGuard.IsLoopbackAddress(address));

    [Fact]
    public async Task On_loopback_it_accepts_activities_and_says_so_loudly_once()
    {
        await using var bot = new BotHost(azurite);
        var client = bot.CreateClient();

        var response = await client.PostAsync(new System.Text.Json.Nodes.JsonObject { ["type"] = "event" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single(bot.Logs.Lines, l => l.Message.Contains("DEVELOPMENT MODE", StringComparison.Ordinal));
        Assert.Contains("WITHOUT authentication", warning.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listening_beyond_loopback_without_an_app_id_stops_start_up_with_a_sentence()
    {
        using var bot = new ExposedBot(azurite);

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.StartsWith("Bot:AppId is empty, which turns off authentication of Teams activities; that is only allowed when the bot listens on loopback addresses, but it listens on", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_id_without_a_tenant_stops_start_up_with_a_sentence()
    {
        using var bot = new BotHost(azurite, new Dictionary<string, string?> { ["Bot:AppId"] = "55555555-5555-5555-5555-555555555555" });

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.Contains("Bot:AppId is set but Bot:TenantId is empty", failure.Message, StringComparison.Ordinal);
    }

    private sealed class ExposedBot : WebApplicationFactory<Program>
    {
        private readonly string _connectionString;

        public ExposedBot(AzuriteFixture azurite)
        {
            _connectionString = azurite.ConnectionString;
            UseKestrel(o => o.Listen(IPAddress.Any, 0));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Storage:ConnectionString", _connectionString);
            builder.UseSetting("Storage:TablePrefix", AzuriteFixture.NewPrefix());
        }
    }
}
