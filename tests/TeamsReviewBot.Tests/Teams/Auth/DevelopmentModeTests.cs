using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Teams.Conversations;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Teams.Auth;

/// <summary>Development mode (Bot:DevelopmentMode, no app id) takes unauthenticated activities,
/// but only from and for this machine.</summary>
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
        Assert.Equal(loopback, Loopback.IsListenAddress(address));

    [Fact]
    public async Task On_loopback_it_accepts_activities_and_says_so_loudly_once()
    {
        await using var bot = new BotApplicationFactory(azurite);
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
        using var bot = new BotApplicationFactory(azurite) { ListenAddress = IPAddress.Any };

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.StartsWith("Bot:DevelopmentMode is on, which turns off authentication of Teams activities; that is only allowed when the bot listens on loopback addresses, but it listens on", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_app_id_no_longer_turns_authentication_off_by_itself()
    {
        using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["Bot:DevelopmentMode"] = "false" });

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.StartsWith("Bot:AppId is empty, so the bot cannot check who sends it activities.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_mode_next_to_an_app_id_stops_start_up_with_a_sentence()
    {
        using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["Bot:AppId"] = "55555555-5555-5555-5555-555555555555", ["Bot:TenantId"] = TestIds.Tenant, ["Bot:DevelopmentMode"] = "true" });

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.StartsWith("Bot:DevelopmentMode is on but Bot:AppId is set", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bot-3978.uks1.devtunnels.ms")]
    [InlineData("teamsreviewbot.example.org")]
    public async Task A_request_forwarded_by_a_tunnel_for_another_host_is_refused_401(string host)
    {
        await using var bot = new BotApplicationFactory(azurite);
        var client = bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Activities.PersonalMessage("http://127.0.0.1:9/", Activities.Ada, "agencies").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = host;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The request was not authenticated: development mode accepts activities from this machine only.", (await response.BodyAsync())["error"]!.GetValue<string>());
        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("Host " + host, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_development_activity_that_points_the_bot_at_a_remote_server_is_refused()
    {
        await using var bot = new BotApplicationFactory(azurite);
        var client = bot.CreateClient();

        var response = await client.PostAsync(Activities.PersonalInstall("https://collector.attacker.example/", Activities.Ada));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not a Bot Connector service URL", (await response.BodyAsync())["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = await bot.Services.GetRequiredService<ConversationReferenceStore>().FindPersonalAsync(TestIds.AdaAad, CancellationToken.None);
        Assert.Null(stored);
    }

    [Fact]
    public void An_app_id_without_a_tenant_stops_start_up_with_a_sentence()
    {
        using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["Bot:AppId"] = "55555555-5555-5555-5555-555555555555", ["Bot:DevelopmentMode"] = "false" });

        var failure = Assert.Throws<InvalidOperationException>(() => bot.CreateClient());

        Assert.Contains("Bot:AppId is set but Bot:TenantId is empty", failure.Message, StringComparison.Ordinal);
    }
}
