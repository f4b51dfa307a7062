using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Hosting;

[Collection(AzuriteGroup.Name)]
public sealed class BotHostTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync(basePath: "");
        _bot = new BotApplicationFactory(azurite);
        _bot.StartServer();
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Help_in_personal_chat_is_answered_with_a_card_listing_the_commands()
    {
        var response = await PostAsync(PersonalMessage("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _connector.WaitForAsync(calls => calls.Count >= 1));
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/a:personal-chat-1/activities/msg-1", call.Path);
        var attachment = call.Body!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var cardText = attachment["content"]!.ToJsonString();
        Assert.Contains("Rapid Reviews", cardText, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"help\"", cardText, StringComparison.Ordinal);
        Assert.Equal("1.5", attachment["content"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Help_in_a_channel_is_heard_through_the_mention()
    {
        var activity = PersonalMessage("<at>TeamsReviewBot</at> help");
        activity["conversation"] = new JsonObject { ["id"] = "19:channel-panel@thread.tacv2;messageid=42", ["conversationType"] = "channel", ["isGroup"] = true };

        await PostAsync(activity);

        var call = Assert.Single(await _connector.WaitForAsync(calls => calls.Count >= 1));
        Assert.Contains("TeamsReviewBot", call.Body!["attachments"]![0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_answered_with_a_sentence_pointing_to_help()
    {
        await PostAsync(PersonalMessage("frobnicate everything"));

        var call = Assert.Single(await _connector.WaitForAsync(calls => calls.Count >= 1));
        var text = call.Body!["text"]!.GetValue<string>();
        Assert.Contains("I don't know the command \"frobnicate\"", text, StringComparison.Ordinal);
        Assert.Contains("help", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_talking_in_the_channel_are_left_alone_and_a_mention_with_an_unknown_word_is_answered()
    {
        // The app reads every channel message (resource-specific consent); chatter is not for the bot.
        var chatter = PersonalMessage("Morning all, see you at 10");
        chatter["conversation"] = new JsonObject { ["id"] = "19:channel-panel@thread.tacv2", ["conversationType"] = "channel", ["isGroup"] = true };
        var response = await PostAsync(chatter);
        Assert.True(response.IsSuccessStatusCode);

        var mentioned = PersonalMessage("<at>TeamsReviewBot</at> frobnicate");
        mentioned["id"] = "msg-2";
        mentioned["conversation"] = chatter["conversation"]!.DeepClone();
        mentioned["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>TeamsReviewBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:22222222-2222-2222-2222-222222222222", ["name"] = "TeamsReviewBot" },
        });
        await PostAsync(mentioned);

        // The reply is sent before the bot answers the POST, so one call means the chatter got none.
        var call = Assert.Single(await _connector.WaitForAsync(calls => calls.Count >= 1));
        Assert.Contains("I don't know the command \"frobnicate\"", call.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_gets_400_with_a_reason_and_no_stack_trace()
    {
        var response = await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("{\"type\":\"message\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("not a valid activity", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_without_a_type_gets_400()
    {
        var response = await PostAsync(new JsonObject { ["text"] = "help" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.Equal("The body is not a valid activity: it has no \"type\".", error);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_acknowledged_and_ignored()
    {
        var activity = PersonalMessage("help");
        activity["type"] = "messageReaction";

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        var activity = PersonalMessage(new string('a', 300_000));
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task Healthz_reports_storage_reachable()
    {
        var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["storage"]!["status"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    private JsonObject PersonalMessage(string text) => new()
    {
        ["type"] = "message",
        ["id"] = "msg-1",
        ["text"] = text,
        ["serviceUrl"] = _connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-ada", ["name"] = "Ada Lovelace", ["aadObjectId"] = "33333333-3333-3333-3333-333333333333" },
        ["recipient"] = new JsonObject { ["id"] = "28:22222222-2222-2222-2222-222222222222", ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-chat-1", ["conversationType"] = "personal", ["tenantId"] = "11111111-1111-1111-1111-111111111111" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "11111111-1111-1111-1111-111111111111" } },
    };
}
