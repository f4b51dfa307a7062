using System.Net.Http.Json;
using System.Globalization;
using System.Text.Json.Nodes;

namespace TeamsReviewBot.Bench;

/// <summary>Someone of the local stack's fictional Oldham partnership (scripts/playground.env).</summary>
public sealed record BenchPerson(string TeamsId, string AadObjectId, string Name);

/// <summary>
/// The activities Teams sends for the clicks the benchmark drives, shaped as Teams sends them:
/// the business manager's refer form submitted in her personal chat, and a voting member's
/// "Cast my vote" and "my vote card" on the case's card in the panel channel.
/// </summary>
public static class ClickActivities
{
    public const string Tenant = "11111111-1111-1111-1111-111111111111";
    public const string Team = "19:team-bench@thread.tacv2";
    public const string BotId = "28:22222222-2222-2222-2222-222222222222";

    public static readonly BenchPerson Manager = new("29:user-bea", "30000000-0000-0000-0000-000000000001", "Bea Manning");

    /// <summary>The three voting seats in the order the benchmark votes: police, health, then the local authority decides.</summary>
    public static readonly BenchPerson[] Voters =
    [
        new("29:user-pat", "30000000-0000-0000-0000-000000000003", "Pat Okafor"),
        new("29:user-hana", "30000000-0000-0000-0000-000000000004", "Hana Brook"),
        new("29:user-lola", "30000000-0000-0000-0000-000000000002", "Lola Adeyemi"),
    ];

    /// <summary>The refer form as the business manager submits it; <paramref name="referrer"/> is where the decision is mailed.</summary>
    public static JsonObject Refer(string serviceUrl, string formId, string referrer, DateTimeOffset now)
    {
        var london = TimeZoneInfo.ConvertTime(now.AddMinutes(-2), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var data = new JsonObject
        {
            ["formId"] = formId,
            ["partnership"] = "oldham",
            ["referralKind"] = "referral",
            ["receivedOn"] = london.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["receivedAt"] = london.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["incidentCategory"] = "Physical abuse",
            ["ageBand"] = "Under 1",
            ["incidentDate"] = london.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["referringOrganisation"] = "Hollins Primary School",
            ["referrerEmail"] = referrer,
            ["childName"] = "Bench Child",
            ["childDateOfBirth"] = london.AddDays(-200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["childAddress"] = "1 Bench Street",
        };
        var conversation = new JsonObject { ["id"] = PersonalChat(Manager), ["conversationType"] = "personal", ["tenantId"] = Tenant };
        return Invoke(serviceUrl, Manager, "refer", data, conversation, replyToId: null, channel: null);
    }

    /// <summary>"Cast my vote" on the case's card in its panel thread, every threshold question answered.</summary>
    public static JsonObject Vote(string serviceUrl, BenchPerson voter, PanelCase panelCase, string rationale) =>
        Invoke(serviceUrl, voter, "vote", new JsonObject
        {
            ["caseCode"] = panelCase.Code,
            ["abuseOrNeglect"] = "yes",
            ["deathOrSeriousHarm"] = "yes",
            ["inArea"] = "yes",
            ["notifiable"] = "yes",
            ["outcome"] = "rapid-review",
            ["rationale"] = rationale,
        }, ChannelConversation(panelCase), panelCase.MessageId, panelCase.Channel);

    /// <summary>"My vote card": the voter's own view of the case card.</summary>
    public static JsonObject Refresh(string serviceUrl, BenchPerson voter, PanelCase panelCase) =>
        Invoke(serviceUrl, voter, "refresh", new JsonObject { ["caseCode"] = panelCase.Code }, ChannelConversation(panelCase), panelCase.MessageId, panelCase.Channel);

    /// <summary>The bot added to the team, in the panel channel: how it learns where to post.</summary>
    /// <summary>Installs the bot in the panel channel and in every bench person's personal chat, as Teams does.</summary>
    public static async Task InstallEverywhereAsync(HttpClient http, string serviceUrl, string channel)
    {
        (await http.PostAsJsonAsync("/api/messages", ChannelInstall(serviceUrl, channel))).EnsureSuccessStatusCode();
        foreach (var person in Voters.Prepend(Manager))
        {
            (await http.PostAsJsonAsync("/api/messages", PersonalInstall(serviceUrl, person))).EnsureSuccessStatusCode();
        }
    }

    public static JsonObject ChannelInstall(string serviceUrl, string channel) => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = Manager.TeamsId, ["aadObjectId"] = Manager.AadObjectId, ["name"] = Manager.Name },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant, ["name"] = "Rapid Review Panel" },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["team"] = new JsonObject { ["id"] = Team, ["name"] = "Oldham Safeguarding Children Partnership" },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "Rapid Review Panel" },
        },
    };

    /// <summary>The bot added in someone's personal chat: where their notices go (the business manager's after a decision).</summary>
    public static JsonObject PersonalInstall(string serviceUrl, BenchPerson person) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = person.TeamsId, ["aadObjectId"] = person.AadObjectId, ["name"] = person.Name },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = PersonalChat(person), ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = person.TeamsId, ["aadObjectId"] = person.AadObjectId, ["name"] = person.Name }, new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    private static string PersonalChat(BenchPerson person) => "a:personal-" + person.TeamsId["29:user-".Length..];

    private static JsonObject ChannelConversation(PanelCase panelCase) =>
        new() { ["id"] = panelCase.ThreadId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant };

    private static JsonObject Invoke(string serviceUrl, BenchPerson from, string verb, JsonObject data, JsonObject conversation, string? replyToId, string? channel)
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["source"] = new JsonObject { ["name"] = "message" } };
        if (channel is not null)
        {
            channelData["team"] = new JsonObject { ["id"] = Team };
            channelData["channel"] = new JsonObject { ["id"] = channel };
        }

        var activity = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = Guid.NewGuid().ToString(),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = from.TeamsId, ["aadObjectId"] = from.AadObjectId, ["name"] = from.Name },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
            ["conversation"] = conversation,
            ["channelData"] = channelData,
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
        };
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }
}

/// <summary>A case put to the panel: its code and the channel thread its card was posted in.</summary>
public sealed record PanelCase(string Code, string Channel, string ThreadId, string MessageId, string Referrer);
