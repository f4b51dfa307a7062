using System.Text.Json.Nodes;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
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
        await using var local = await LocalIntake.StartAsync(configure: WithPanelAndAgency);
        await InstallInPanelChannelAsync(local, teams);

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);

        var caseCode = Assert.Single(await local.CasesAsync()).CaseCode;
        var thread = await teams.WaitForCallAsync(c => c.Path == "/v3/conversations", "the case's thread in the panel channel");
        var card = PanelBot.Words(thread.Card);
        Assert.Contains(caseCode, card, StringComparison.Ordinal);
        Assert.Contains("Serious harm: physical abuse", card, StringComparison.Ordinal);
        Assert.Contains("Example Primary School", card, StringComparison.Ordinal);
        Assert.Contains("Wednesday 18 November 2026", card, StringComparison.Ordinal);
        Assert.Contains("5 to 10", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Sample", thread.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1 Test Street", thread.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_childs_name_typed_into_the_forms_incident_and_organisation_fields_never_reaches_the_channel()
    {
        await using var teams = await FakeConnector.StartAsync(basePath: "");
        await using var local = await LocalIntake.StartAsync(configure: WithPanelAndAgency);
        await InstallInPanelChannelAsync(local, teams);

        // A combo box lets the referrer type over the choices; the organisation is a plain text box.
        var form = GmFormBuilder.Filled()
            .Set("Nature of Incident", "Alex Sample (DOB 01/02/2019) found at 1 Test Street")
            .Set("Main Type of Abuse", "Physical abuse by Sam Sample")
            .Set("Referrer Organisation", "Alex Sample's family support worker");
        await local.DeliverAsync(TestMail.Referral(form.Build()));
        await local.SettledAsync(1);

        var thread = await teams.WaitForCallAsync(c => c.Path == "/v3/conversations", "the case's thread in the panel channel");
        var card = PanelBot.Words(thread.Card);
        var posted = thread.Body!.ToJsonString();
        Assert.Contains("Incident category | Other", card, StringComparison.Ordinal);
        Assert.Contains("Referring organisation | not in the agency directory", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Sample", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Sample", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("1 Test Street", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_childs_name_in_the_label_lines_of_an_emailed_referral_never_reaches_the_channel()
    {
        await using var teams = await FakeConnector.StartAsync(basePath: "");
        await using var local = await LocalIntake.StartAsync(configure: WithPanelAndAgency);
        await InstallInPanelChannelAsync(local, teams);

        await local.DeliverAsync(TestMail.Plain(
            "Referral",
            "Referrer Name: Pat Example\nReferrer Organisation: Alex Sample, 1 Test Street\nDate of Incident: 18/11/2026\n"
            + "Nature of Incident: Alex Sample was hurt\nMain Type of Abuse: neglect\nCase factors: Neglect\n"));
        await local.SettledAsync(1);

        var thread = await teams.WaitForCallAsync(c => c.Path == "/v3/conversations", "the case's thread in the panel channel");
        var card = PanelBot.Words(thread.Card);
        Assert.Contains("Incident category | Other: neglect", card, StringComparison.Ordinal);
        Assert.Contains("Referring organisation | not in the agency directory", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Sample", thread.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Test Street", thread.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    private static void WithPanelAndAgency(IDictionary<string, string?> settings)
    {
        settings[$"ThresholdDecision:Panels:{LocalIntake.Partnership}:ChannelId"] = PanelBot.Channel;
        settings["Partnership:Agencies:0:Name"] = "Example Primary School";
        settings["Partnership:Agencies:0:Kind"] = "school";
        settings["Partnership:Agencies:0:Leads"] = "dsl@school.example";
    }

    private static async Task InstallInPanelChannelAsync(LocalIntake local, FakeConnector teams)
    {
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
    }
}
