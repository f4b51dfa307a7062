using System.Text.Json.Nodes;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.SignOff.Support;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Teams.Conversations;

/// <summary>
/// A sign-off card for someone the bot has never talked to: the bot installs its app for them
/// through Graph (the real SDK against the sandbox's teamwork/installedApps), opens the 1:1
/// conversation with the Bot Connector and sends the card there; where Graph refuses, the business
/// manager is told whom to ask, once, and Graph is not asked again that day.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PersonalChatInstallTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string CatalogAppId = "7f1c2a64-5d0e-4c1b-9a63-0d4b8f1e2c77";

    private SignOffStage? _stage;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_stage is not null)
        {
            await _stage.Bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_app_is_installed_for_a_partner_with_no_chat_and_a_refusal_is_told_once_whom_to_ask()
    {
        _stage = await SignOffStage.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?> { ["ProactiveInstall:CatalogAppId"] = CatalogAppId }, installEveryone: false);
        var bot = _stage.Bot;
        var apps = bot.Graph.State.TeamsApps;
        (await bot.Graph.Control.PostAsync($"sandbox/users/{Pat.AadObjectId}/app-installation-refused", null)).EnsureSuccessStatusCode();
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);

        await bot.SayAsync(Bea, "sign-off " + code);
        var answer = await bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 1");

        // Lola had no chat: the app is installed for her, Teams opens the chat, the card arrives there.
        var installed = Assert.Single(apps.Of(Lola.AadObjectId));
        Assert.Equal(CatalogAppId, installed.TeamsAppId);
        Assert.Contains(Lola.Name, answer, StringComparison.Ordinal);
        var opened = Assert.Single(bot.Teams.CallsTo("POST", "/v3/conversations"), c => c.Body?["members"]?[0]?["id"]?.GetValue<string>() == Lola.AadObjectId);
        Assert.Equal(PanelBot.Tenant, opened.Body!["tenantId"]!.GetValue<string>());
        var lolaCard = await bot.Teams.WaitForCallAsync(c => c.Path.EndsWith("/activities", StringComparison.Ordinal) && c.Body?["recipient"]?["id"]?.GetValue<string>() == Lola.AadObjectId && c.Card is not null, "the sign-off card in Lola's new chat");
        Assert.Contains("\"verb\":\"sign-off\"", lolaCard.Card!.ToJsonString(), StringComparison.Ordinal);

        // Pat's tenant will not let the app be installed for him: the reply says so, and the
        // business manager is told whom to ask, with no child's details.
        Assert.Contains($"I could not reach {Pat.Name}", answer, StringComparison.Ordinal);
        Assert.Contains("Microsoft Graph would not install the app for them (403 Forbidden)", answer, StringComparison.Ordinal);
        var told = await bot.WaitForPersonalAsync(Bea, $"I cannot reach {Pat.Name} in Teams");
        Assert.Contains($"ask your Teams administrator to install TeamsReviewBot for {Pat.Name}", told, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, told, StringComparison.Ordinal);
        Assert.DoesNotContain(code, told, StringComparison.Ordinal);
        Assert.Empty(apps.Of(Pat.AadObjectId));

        // Asking again the same day: Lola's stored chat is used, Pat's refusal is remembered.
        var graphCalls = apps.Calls;
        await bot.SayAsync(Bea, "sign-off " + code);
        await bot.Teams.WaitForAsync(calls => calls.Count(c => c.Text.Contains("I sent the sign-off card for version 1", StringComparison.Ordinal)) == 2);
        Assert.Equal(graphCalls, apps.Calls);
        Assert.Single(bot.Teams.CallsTo("POST", "/v3/conversations"), c => c.Body?["members"]?[0]?["id"]?.GetValue<string>() == Lola.AadObjectId);
        Assert.Single(bot.PersonalMessagesTo(Bea), m => m.Contains($"I cannot reach {Pat.Name} in Teams", StringComparison.Ordinal));

        // Lola answers the card in the chat the bot opened.
        var data = (JsonObject)lolaCard.Card!["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == "sign-off")!["data"]!.DeepClone();
        data["comments"] = string.Empty;
        var conversation = lolaCard.Path["/v3/conversations/".Length..^"/activities".Length];
        await bot.InvokeAsync(Lola, "sign-off", data, conversationId: conversation);
        Assert.True((await bot.CaseAsync(code)).SeatSignOffs["la"].Agrees);

        // The next day Graph is asked again (the administrator may have acted), and the manager told again.
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddDays(1));
        await bot.SayAsync(Bea, "sign-off " + code);
        await bot.Teams.WaitForAsync(calls => calls.Count(c => c.Text.Contains($"I cannot reach {Pat.Name} in Teams", StringComparison.Ordinal)) == 2);
        Assert.True(apps.Calls > graphCalls);
    }
}
