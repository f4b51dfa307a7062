using System.Text.Json.Nodes;
using Microsoft.Identity.Abstractions;
using Moq;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Tests.Infrastructure;
using Activity = TeamsReviewBot.Teams.Activity;

namespace TeamsReviewBot.Tests.Teams;

/// <summary>The connector client's calls, as a Bot Connector on Kestrel receives them.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static ConnectorClient Client(IConnectorTokenSource? tokens = null, ServiceUrlPolicy? serviceUrls = null) =>
        new(new HttpClient(), tokens ?? new NoConnectorToken(), serviceUrls ?? LocalServiceUrls.Policy);

    /// <summary>A registered bot's policy: HTTPS on the Teams service's host only.</summary>
    private static ServiceUrlPolicy Registered() =>
        new(Microsoft.Extensions.Options.Options.Create(new BotAuthOptions { AppId = "55555555-5555-5555-5555-555555555555", TenantId = "tenant-1" }));

    private static Activity Card() => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" } }],
    };

    [Fact]
    public async Task A_new_channel_thread_is_created_with_isGroup_the_channel_and_the_first_message()
    {
        var created = await Client().StartChannelThreadAsync(_connector.ServiceUrl, "tenant-1", "19:team@thread.tacv2", "19:chan@thread.tacv2", Card(), CancellationToken.None);

        Assert.Equal("19:chan@thread.tacv2;messageid=1001", created.Id);
        Assert.Equal("1001", created.ActivityId);
        var call = Assert.Single(_connector.Calls);
        Assert.Equal("POST", call.Method);
        Assert.EndsWith("/_connector/v3/conversations", call.Path, StringComparison.Ordinal);
        Assert.True(call.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal("19:chan@thread.tacv2", call.Body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", call.Body["tenantId"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", call.Body["activity"]!["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_personal_chat_is_opened_with_the_users_Teams_id_and_tenant()
    {
        var opened = await Client().OpenPersonalChatAsync(_connector.ServiceUrl, "tenant-1", "28:bot", "29:user-ada", CancellationToken.None);

        Assert.StartsWith("a:personal-", opened.Id, StringComparison.Ordinal);
        var body = Assert.Single(_connector.Calls).Body!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:user-ada", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("28:bot", body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_a_message_puts_the_new_activity_at_its_id()
    {
        await Client().UpdateAsync(_connector.ServiceUrl, "19:chan@thread.tacv2;messageid=7", "7", Card(), CancellationToken.None);

        var call = Assert.Single(_connector.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.EndsWith("/v3/conversations/19:chan@thread.tacv2;messageid=7/activities/7", call.Path, StringComparison.Ordinal);
        Assert.Equal("7", call.Body!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_goes_to_the_activity_it_answers()
    {
        var sent = await Client().ReplyAsync(_connector.ServiceUrl, "a:chat", "in-1", new Activity { Type = ActivityTypes.Message, Text = "hi" }, CancellationToken.None);

        Assert.Equal("1001", sent.Id);
        Assert.EndsWith("/v3/conversations/a:chat/activities/in-1", Assert.Single(_connector.Calls).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_tokens_from_Identity_Web_are_sent_as_bearer_for_the_Bot_Framework_scope()
    {
        var headers = new Mock<IAuthorizationHeaderProvider>(MockBehavior.Strict);
        headers.Setup(h => h.CreateAuthorizationHeaderForAppAsync(
                "https://api.botframework.com/.default",
                It.Is<AuthorizationHeaderProviderOptions>(o => o.AcquireTokenOptions!.AuthenticationOptionsName == "BotConnector" && o.AcquireTokenOptions.ManagedIdentity == null),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync("Bearer app-token-123");

        await Client(new IdentityWebConnectorTokenSource(headers.Object, null)).SendAsync(_connector.ServiceUrl, "a:chat", new Activity { Type = ActivityTypes.Message, Text = "hi" }, CancellationToken.None);

        Assert.Equal("Bearer app-token-123", Assert.Single(_connector.Calls).Authorization);
    }

    [Fact]
    public async Task A_managed_identity_bot_asks_its_user_assigned_identity_for_the_token()
    {
        var headers = new Mock<IAuthorizationHeaderProvider>(MockBehavior.Strict);
        headers.Setup(h => h.CreateAuthorizationHeaderForAppAsync(
                "https://api.botframework.com/.default",
                It.Is<AuthorizationHeaderProviderOptions>(o => o.AcquireTokenOptions!.ManagedIdentity!.UserAssignedClientId == "msi-client-id"),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync("Bearer msi-token");

        var token = await new IdentityWebConnectorTokenSource(headers.Object, "msi-client-id").GetTokenAsync(CancellationToken.None);

        Assert.Equal("msi-token", token);
    }

    [Fact]
    public async Task In_development_mode_no_Authorization_header_is_sent()
    {
        await Client().SendAsync(_connector.ServiceUrl, "a:chat", new Activity { Type = ActivityTypes.Message, Text = "hi" }, CancellationToken.None);

        Assert.Equal(string.Empty, Assert.Single(_connector.Calls).Authorization);
    }

    [Theory]
    [InlineData("https://collector.attacker.example/teams/")]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/teams/")]
    public async Task A_registered_bot_never_sends_its_token_to_a_server_that_is_not_the_Bot_Connector(string serviceUrl)
    {
        var tokens = new Mock<IConnectorTokenSource>(MockBehavior.Strict);

        var refused = await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            Client(tokens.Object, Registered()).SendAsync(serviceUrl, "a:chat", Card(), CancellationToken.None));

        Assert.Contains("is not a Bot Connector service URL", refused.Message, StringComparison.Ordinal);
        tokens.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_registered_bot_does_not_call_a_loopback_server_either()
    {
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            Client(serviceUrls: Registered()).SendAsync(_connector.ServiceUrl, "a:chat", Card(), CancellationToken.None));

        Assert.Empty(_connector.Calls);
    }
}
