using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Workflows.ConnectionCheck;

/// <summary>
/// Pressing Acknowledge on a connection-check card: answered at once with the presser's own view,
/// the shared card edited for everyone, exactly once however often the press arrives; refused,
/// in a sentence and on record, for someone who is not a business manager.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AcknowledgeConnectionCheckTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;
    private string _threadId = string.Empty;
    private string _messageId = string.Empty;
    private JsonObject _data = [];

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApplicationFactory(azurite, TestIds.People());
        _client = _bot.CreateClient();
        await _client.PostAsync(Activities.ChannelInstall(_connector.ServiceUrl));
        await _client.PostAsync(Activities.PersonalInstall(_connector.ServiceUrl, Activities.Ada));
        await _client.PostAsync(Activities.PersonalMessage(_connector.ServiceUrl, Activities.Ada, "check-channels"));
        var thread = Assert.Single(_connector.Calls, c => c.Method == "POST" && c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var card = thread.Body!["activity"]!["attachments"]![0]!["content"]!;
        var action = card["actions"]![0]!;
        _data = (JsonObject)action["data"]!.DeepClone();
        _threadId = TestIds.Channel + ";messageid=1001";
        _messageId = "1001";
        Assert.Equal("connectionCheck.acknowledge", action["verb"]!.GetValue<string>());
        Assert.Equal("Action.Submit", action["fallback"]!["type"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static string AllText(JsonNode card) => card.ToJsonString();

    [Fact]
    public async Task A_business_managers_press_answers_with_the_updated_card_within_two_seconds_and_edits_the_shared_one_to_match()
    {
        var clock = Stopwatch.StartNew();
        var response = await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "connectionCheck.acknowledge", _data));
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        output.WriteLine($"Acknowledge answered in {elapsed.TotalMilliseconds:F0} ms");
        var body = await response.BodyAsync();
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var card = body["value"]!;
        Assert.Contains("Acknowledged by Ada Lovelace", AllText(card), StringComparison.Ordinal);

        var calls = await _connector.WaitForAsync(c => c.Any(x => x.Method == "PUT"));
        var edit = Assert.Single(calls, c => c.Method == "PUT");
        Assert.EndsWith($"/v3/conversations/{_threadId}/activities/{_messageId}", edit.Path, StringComparison.Ordinal);
        var shared = edit.Body!["attachments"]![0]!["content"]!;
        Assert.Contains("Acknowledged by Ada Lovelace", AllText(shared), StringComparison.Ordinal);
        Assert.Equal(AllText(card), AllText(shared));
        // Ada has acknowledged, so Teams need no longer fetch a personal view for her.
        Assert.Empty(shared["refresh"]!["userIds"]!.AsArray());
    }

    [Fact]
    public async Task Pressing_again_or_a_Teams_retry_changes_nothing()
    {
        var invoke = Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "connectionCheck.acknowledge", _data, activityId: "invoke-1");
        var first = (await (await _client.PostAsync(invoke)).BodyAsync())["value"]!.ToJsonString();
        await _connector.WaitForAsync(c => c.Any(x => x.Method == "PUT"));

        var retry = (await (await _client.PostAsync(invoke)).BodyAsync())["value"]!.ToJsonString();
        var secondPress = (await (await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "connectionCheck.acknowledge", _data))).BodyAsync())["value"]!.ToJsonString();
        await Task.Delay(500);

        Assert.Equal(first, retry);
        Assert.Equal(first, secondPress);
        Assert.Single(_connector.Calls, c => c.Method == "PUT");
    }

    [Fact]
    public async Task Someone_without_the_role_is_refused_in_a_sentence_and_it_is_recorded()
    {
        var response = await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Bob, _threadId, _messageId, "connectionCheck.acknowledge", _data));

        var body = await response.BodyAsync();
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("Only a business manager can acknowledge a connection check. Nothing was recorded.", body["value"]!.GetValue<string>());
        await Task.Delay(300);
        Assert.DoesNotContain(_connector.Calls, c => c.Method == "PUT");

        var audit = _bot.Services.GetRequiredService<TeamsReviewBot.Storage.RefusalAudit>();
        var rows = await audit.ListAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var row = Assert.Single(rows);
        Assert.Equal("card:connectionCheck.acknowledge", row.GetString("Action"));
        Assert.Equal(_messageId, row.GetString("MessageId"));
        Assert.Equal(TestIds.BobAad, row.GetString("ActorAadObjectId"));
        Assert.Contains("statutory partner lead, police", row.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_press_dressed_up_as_an_automatic_refresh_does_not_get_round_the_role_check()
    {
        var invoke = Activities.Execute(_connector.ServiceUrl, Activities.Bob, _threadId, _messageId, "connectionCheck.acknowledge", _data);
        invoke["value"]!["trigger"] = "automatic";

        var body = await (await _client.PostAsync(invoke)).BodyAsync();

        Assert.Equal(403, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        await Task.Delay(300);
        Assert.DoesNotContain(_connector.Calls, c => c.Method == "PUT");
        var refresh = await (await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "connectionCheck.refresh", _data))).BodyAsync();
        Assert.Contains("Not acknowledged yet", refresh["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Action_Submit_fallback_reaches_the_same_handler_and_edits_the_card()
    {
        var response = await _client.PostAsync(Activities.Submit(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "connectionCheck.acknowledge", _data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edits = await _connector.WaitForAsync(c => c.Any(x => x.Method == "PUT"));
        Assert.All(edits.Where(c => c.Method == "PUT"), e => Assert.EndsWith($"/activities/{_messageId}", e.Path, StringComparison.Ordinal));
        Assert.Contains(edits, e => e.Method == "PUT" && e.Body!.ToJsonString().Contains("Acknowledged by Ada Lovelace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_acknowledging_a_business_managers_own_view_says_when_and_has_no_button()
    {
        await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "connectionCheck.acknowledge", _data));

        var response = await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "connectionCheck.refresh", _data));

        var card = (await response.BodyAsync())["value"]!;
        Assert.Contains("You acknowledged this check on", AllText(card), StringComparison.Ordinal);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public async Task A_business_manager_who_has_not_acknowledged_gets_a_personal_view_with_the_button()
    {
        var response = await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "connectionCheck.refresh", _data));

        var card = (await response.BodyAsync())["value"]!;
        Assert.Equal("Acknowledge", card["actions"]![0]!["title"]!.GetValue<string>());
        Assert.Contains("Not acknowledged yet", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Others_see_the_card_without_a_button_they_may_not_press()
    {
        var response = await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Bob, _threadId, _messageId, "connectionCheck.refresh", _data));

        var card = (await response.BodyAsync())["value"]!;
        Assert.Null(card["actions"]);
    }

    [Fact]
    public async Task An_unknown_verb_gets_an_error_response_not_silence()
    {
        var response = await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "vote.cast", _data));

        var body = await response.BodyAsync();
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_implement_is_answered_501()
    {
        var invoke = Activities.Execute(_connector.ServiceUrl, Activities.Ada, _threadId, _messageId, "x", _data);
        invoke["name"] = "composeExtension/fetchTask";

        var response = await _client.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
