using TeamsReviewBot.Tests.Infrastructure;
using System.Text.Json.Nodes;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>A referral emailed to the partnership mailbox reaches the panel channel on its own.</summary>
public sealed class EmailReferralToPanelTests
{
    [Fact]
    public async Task An_emailed_referral_opens_a_case_whose_thread_appears_in_the_panel_channel_without_the_childs_details()
    {
        await using var teams = await FakeConnector.StartAsync(basePath: "");
        await using var local = await LocalIntake.StartAsync(configure: s => s[$"ThresholdDecision:Panels:{LocalIntake.Partnership}:ChannelId"] = PanelBot.Channel);
        using var install = await local.BotClient.PostAsync(new Uri("/api/messages", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new JsonObject
        {
            ["type"] = "installationUpdate",
            ["action"] = "add",
            ["id"] = Guid.NewGuid().ToString(),
            ["serviceUrl"] = teams.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:installer" },
            ["recipient"] = new JsonObject { ["id"] = PanelBot.BotId, ["name"] = "TeamsReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = PanelBot.Channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = PanelBot.Tenant },
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = PanelBot.Tenant },
                ["team"] = new JsonObject { ["id"] = PanelBot.Team },
                ["channel"] = new JsonObject { ["id"] = PanelBot.Channel, ["name"] = "Rapid Review Panel" },
            },
        }));
        install.EnsureSuccessStatusCode();

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);

        var caseCode = Assert.Single(await local.CasesAsync()).CaseCode;
        var thread = await teams.WaitForCallAsync(c => c.Path == "/v3/conversations", "the case's thread in the panel channel");
        var card = PanelBot.Words(thread.Card);
        Assert.Contains(caseCode, card, StringComparison.Ordinal);
        Assert.Contains("Serious harm", card, StringComparison.Ordinal);
        Assert.Contains("Example Primary School", card, StringComparison.Ordinal);
        Assert.Contains("Wednesday 18 November 2026", card, StringComparison.Ordinal);
        Assert.Contains("5 to 10", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Sample", thread.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1 Test Street", thread.Body!.ToJsonString(), StringComparison.Ordinal);
    }
}
