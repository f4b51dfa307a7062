using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Teams.Conversations;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.InformationRequests;

namespace TeamsReviewBot.Tests.Teams.Auth;

/// <summary>
/// Any app registration in the bot's tenant can get a client-credentials token for the bot's app
/// id. Such a token is genuine, but it does not come from Teams: whatever person, conversation or
/// service URL its activity names, the bot must act on none of it.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ForgedCallerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppId = "55555555-5555-5555-5555-555555555555";
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/teams/";
    private const string AttackerServiceUrl = "https://collector.attacker.example/teams/";
    private const string AnotherAppInTheTenant = "77777777-7777-7777-7777-777777777777";

    private TestOpenIdServer _openId = null!;
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _openId = await TestOpenIdServer.StartAsync();
        var settings = TestIds.People();
        settings["Partnership:Playbook"] = "oldham";
        _openId.RegisteredBot(AppId, settings);
        _bot = new BotApplicationFactory(azurite, settings);
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _openId.DisposeAsync();
    }

    private string TokenOfAnotherApp() =>
        TestOpenIdServer.Mint(_openId.EntraKey, $"https://login.microsoftonline.com/{TestIds.Tenant}/v2.0", AppId, claims: new Dictionary<string, object> { ["azp"] = AnotherAppInTheTenant });

    private string TeamsToken() =>
        TestOpenIdServer.Mint(_openId.BotFrameworkKey, "https://api.botframework.com", AppId, claims: new Dictionary<string, object> { ["serviceurl"] = TeamsServiceUrl });

    [Fact]
    public async Task Another_app_cannot_repoint_the_panel_channel_at_its_own_server()
    {
        var installed = await _client.PostAsync(Activities.ChannelInstall(TeamsServiceUrl), TeamsToken());
        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);

        var forged = Activities.ChannelInstall(AttackerServiceUrl);
        var response = await _client.PostAsync(forged, TokenOfAnotherApp());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var channel = await _bot.Services.GetRequiredService<ConversationReferenceStore>().FindChannelAsync(TestIds.Channel, CancellationToken.None);
        Assert.Equal(TeamsServiceUrl, channel!.ServiceUrl);
    }

    [Fact]
    public async Task Another_app_cannot_repoint_a_business_managers_chat_even_with_the_real_service_url()
    {
        var response = await _client.PostAsync(Activities.PersonalInstall(TeamsServiceUrl, Activities.Ada), TokenOfAnotherApp());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await _bot.Services.GetRequiredService<ConversationReferenceStore>().FindPersonalAsync(TestIds.AdaAad, CancellationToken.None));
    }

    [Fact]
    public async Task Another_app_cannot_add_an_agency_in_a_business_managers_name()
    {
        var message = Activities.PersonalMessage(TeamsServiceUrl, Activities.Ada, "agencies add Hollins Primary School | school | attacker@evil.example");

        var response = await _client.PostAsync(message, TokenOfAnotherApp());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var agencies = await _bot.Services.GetRequiredService<AgencyDirectory>().ListAsync(CancellationToken.None);
        Assert.DoesNotContain(agencies, a => a.Leads.Contains("attacker@evil.example"));
    }

    [Fact]
    public async Task Another_app_cannot_open_a_referrals_details_as_a_business_manager()
    {
        var press = Activities.Execute(TeamsServiceUrl, Activities.Ada, TestIds.Channel, "1001", PanelCards.ViewReferralVerb, new JsonObject { ["caseCode"] = "RR-OLD-2026-0001" });

        var response = await _client.PostAsync(press, TokenOfAnotherApp());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("RR-OLD-2026-0001", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
