using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Teams.Conversations;

/// <summary>
/// Installing the bot stores where it was installed; a business manager's check-channels then
/// posts into those channels without anyone speaking there first, after a restart too.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ProactivePostingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _prefix = AzuriteFixture.NewPrefix();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private BotApplicationFactory Bot() => new(azurite, TestIds.People(), _prefix);

    [Fact]
    public async Task A_channel_install_before_a_restart_still_gets_posts_after_it()
    {
        await using (var before = Bot())
        {
            var client = before.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Activities.ChannelInstall(_connector.ServiceUrl))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Activities.PersonalInstall(_connector.ServiceUrl, Activities.Ada))).StatusCode);
        }

        await using var after = Bot();
        var restarted = after.CreateClient();
        var response = await restarted.PostAsync(Activities.PersonalMessage(_connector.ServiceUrl, Activities.Ada, "check-channels"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thread = Assert.Single(_connector.CallsTo("POST", "/v3/conversations"), c => c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.True(thread.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal(TestIds.Channel, thread.Body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TestIds.Team, thread.Body["channelData"]!["team"]!["id"]!.GetValue<string>());
        var card = thread.Body["activity"]!["attachments"]![0]!["content"]!;
        Assert.Equal("TeamsReviewBot is connected to this channel", card["body"]![0]!["text"]!.GetValue<string>());
        var reply = Assert.Single(_connector.CallsTo("POST", $"/v3/conversations/{TestIds.AdaChat}/activities/"));
        Assert.Contains("Posted a connection check to the channel \"Panel\" in team \"Rapid Review Panel\"", reply.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_the_bot_was_removed_from_is_reported_to_the_business_managers()
    {
        await using var bot = Bot();
        var client = bot.CreateClient();
        await client.PostAsync(Activities.ChannelInstall(_connector.ServiceUrl));
        await client.PostAsync(Activities.PersonalInstall(_connector.ServiceUrl, Activities.Ada));
        _connector.Answer("/v3/conversations", new ConnectorAnswer(403, new System.Text.Json.Nodes.JsonObject
        {
            ["error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "BotNotInConversationRoster", ["message"] = "The bot is not part of the conversation roster." },
        }));
        // Only createConversation is refused; the personal chat still works.
        _connector.Answer($"/v3/conversations/{TestIds.AdaChat}/", new ConnectorAnswer(201, new System.Text.Json.Nodes.JsonObject { ["id"] = "ok" }));

        await client.PostAsync(Activities.PersonalMessage(_connector.ServiceUrl, Activities.Ada, "check-channels"));

        var toAda = _connector.CallsTo("POST", $"/v3/conversations/{TestIds.AdaChat}/activities").Select(c => c.Body!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(toAda, t => t.StartsWith("I could not post to the channel \"Panel\" in team \"Rapid Review Panel\". Teams refused the post (BotNotInConversationRoster)", StringComparison.Ordinal));
        Assert.Contains(toAda, t => t.Contains("Could not post to the channel \"Panel\"", StringComparison.Ordinal) && t.Contains("The business managers have been told.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removing_the_app_from_a_team_forgets_its_channel()
    {
        await using var bot = Bot();
        var client = bot.CreateClient();
        await client.PostAsync(Activities.ChannelInstall(_connector.ServiceUrl));
        var removal = Activities.ChannelInstall(_connector.ServiceUrl);
        removal["action"] = "remove";
        await client.PostAsync(removal);
        await client.PostAsync(Activities.PersonalInstall(_connector.ServiceUrl, Activities.Ada));

        await client.PostAsync(Activities.PersonalMessage(_connector.ServiceUrl, Activities.Ada, "check-channels"));

        var reply = Assert.Single(_connector.CallsTo("POST", $"/v3/conversations/{TestIds.AdaChat}/activities/"));
        Assert.StartsWith("I am not installed in any channel yet.", reply.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_business_manager_cannot_run_check_channels()
    {
        await using var bot = Bot();
        var client = bot.CreateClient();
        await client.PostAsync(Activities.ChannelInstall(_connector.ServiceUrl));

        await client.PostAsync(Activities.PersonalMessage(_connector.ServiceUrl, Activities.Bob, "check-channels", chatId: "a:personal-bob"));

        var reply = Assert.Single(_connector.CallsTo("POST", "/v3/conversations/a:personal-bob/activities/"));
        Assert.Equal("Only a business manager can run check-channels. Nothing was posted.", reply.Body!["text"]!.GetValue<string>());
        Assert.DoesNotContain(_connector.Calls, c => c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var refusal = Assert.Single(await bot.Services.GetRequiredService<RefusalAudit>().ListAsync(DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Equal("command:check-channels", refusal.GetString("Action"));
        Assert.Equal(TestIds.BobAad, refusal.GetString("ActorAadObjectId"));
    }
}
