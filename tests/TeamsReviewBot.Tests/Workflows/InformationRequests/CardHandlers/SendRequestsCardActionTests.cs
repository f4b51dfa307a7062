using System.Net;
using System.Text.Json.Nodes;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests.CardHandlers;

/// <summary>
/// The agency selection card and the requests command over HTTP through Kestrel: only a business
/// manager may send requests or ask for the card, the card is only given in a personal chat, and a
/// case that is not going to Rapid Review is refused in a sentence.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendRequestsCardActionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Code = "RR-OLD-2026-0009";
    private FakeConnector _connector = null!;
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApplicationFactory(azurite, TestIds.People());
        _client = _bot.CreateClient();
        await _client.PostAsync(Activities.PersonalInstall(_connector.ServiceUrl, Activities.Ada));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static JsonObject Pressed() => new()
    {
        ["caseCode"] = Code,
        ["agencies"] = "Greater Manchester Police,Hathershaw College",
        ["childReference"] = "J.S., born 02/03/2015",
    };

    [Fact]
    public async Task Someone_who_is_not_a_business_manager_cannot_send_requests()
    {
        var body = await (await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Bob, TestIds.AdaChat, "2001", "requests.send", Pressed()))).BodyAsync();

        Assert.Equal("Only a business manager can send information requests to agencies. Nothing was recorded.", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_business_manager_pressing_for_a_case_that_does_not_exist_is_told_so()
    {
        var response = await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, TestIds.AdaChat, "2001", "requests.send", Pressed()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"There is no case {Code}.", (await response.BodyAsync())["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_child_reference_nothing_is_sent_and_the_reason_is_given()
    {
        var pressed = Pressed();
        pressed.Remove("childReference");

        var body = await (await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, TestIds.AdaChat, "2001", "requests.send", pressed))).BodyAsync();

        Assert.StartsWith("Give the child reference for the letters", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ada", "requests RR-OLD-2026-0009 choose", "There is no case RR-OLD-2026-0009.")]
    [InlineData("bob", "requests RR-OLD-2026-0009 choose", "Only a business manager can choose the agencies to ask for information.")]
    [InlineData("ada", "requests RR-OLD-2026-0009", "No agencies have been chosen for information requests on RR-OLD-2026-0009 yet.")]
    [InlineData("bob", "agencies add X | school | x@school.example", "Only a business manager can change the agency directory.")]
    public async Task Commands_answer_in_the_chat_in_a_sentence(string who, string text, string expected)
    {
        var user = who == "ada" ? Activities.Ada : Activities.Bob;
        await _client.PostAsync(Activities.PersonalMessage(_connector.ServiceUrl, user, text));

        var calls = await _connector.WaitForAsync(c => c.Any(x => x.Method == "POST" && x.Path.Contains("/activities", StringComparison.Ordinal)));
        var reply = calls.Last(x => x.Method == "POST" && x.Path.Contains("/activities", StringComparison.Ordinal));
        Assert.Contains(expected, reply.Body!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }
}
