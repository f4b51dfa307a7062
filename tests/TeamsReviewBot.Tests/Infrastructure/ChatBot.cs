using System.Text;
using System.Text.Json.Nodes;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>
/// The whole bot on Kestrel with a recording Bot Connector: a test types a chat message as a
/// person would in their personal chat and reads the bot's reply as Teams would receive it.
/// </summary>
public sealed class ChatBot : IAsyncDisposable
{
    public const string Tenant = "11111111-1111-1111-1111-111111111111";

    private ChatBot(FakeConnector connector, BotApplicationFactory factory)
    {
        Connector = connector;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public FakeConnector Connector { get; }

    public BotApplicationFactory Factory { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<ChatBot> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var connector = await FakeConnector.StartAsync();
        var factory = new BotApplicationFactory(azurite, settings);
        factory.StartServer();
        return new ChatBot(connector, factory);
    }

    /// <summary>The people most whole-bot tests need: Bea Manning, a business manager, and Pat Okafor,
    /// the police's statutory lead, under the Entra object ids the test chooses.</summary>
    public static Dictionary<string, string?> ManagerAndPoliceLead(string managerAad, string policeAad) => new()
    {
        ["Partnership:People:0:AadObjectId"] = managerAad,
        ["Partnership:People:0:Name"] = "Bea Manning",
        ["Partnership:People:0:Role"] = "BusinessManager",
        ["Partnership:People:0:TenantId"] = Tenant,
        ["Partnership:People:1:AadObjectId"] = policeAad,
        ["Partnership:People:1:Name"] = "Pat Okafor",
        ["Partnership:People:1:Role"] = "StatutoryLead",
        ["Partnership:People:1:Partner"] = "Police",
        ["Partnership:People:1:TenantId"] = Tenant,
    };

    /// <summary>Sends <paramref name="text"/> from the person with <paramref name="aadObjectId"/> and returns the one reply.</summary>
    public async Task<JsonNode> AskAsync(string text, string aadObjectId = "44444444-4444-4444-4444-444444444444", string name = "Bea Manager")
    {
        var person = aadObjectId[..8];
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "msg-" + Guid.NewGuid().ToString("N")[..6],
            ["text"] = text,
            ["serviceUrl"] = Connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:user-" + person, ["name"] = name, ["aadObjectId"] = aadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:22222222-2222-2222-2222-222222222222", ["name"] = "TeamsReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:personal-chat-" + person, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        };
        var before = Connector.Calls.Count;
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var calls = await Connector.WaitForAsync(all => all.Count > before);
        return Assert.Single(calls.Skip(before)).Body!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
