using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamsReviewBot.Tests.Infrastructure;

/// <summary>Activities shaped the way Teams and the Agents Playground send them.</summary>
public static class Activities
{
    public static JsonObject From(string teamsId, string? aadObjectId, string name) => new() { ["id"] = teamsId, ["aadObjectId"] = aadObjectId, ["name"] = name };

    public static JsonObject Ada => From(TestIds.Ada, TestIds.AdaAad, "Ada Lovelace");

    public static JsonObject Bob => From(TestIds.Bob, TestIds.BobAad, "Bob Builder");

    public static JsonObject ChannelInstall(string serviceUrl, string channelId = TestIds.Channel, string channelName = "Panel") => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = Ada,
        ["recipient"] = new JsonObject { ["id"] = TestIds.Bot, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = channelId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TestIds.Tenant, ["name"] = channelName },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TestIds.Tenant },
            ["team"] = new JsonObject { ["id"] = TestIds.Team, ["name"] = "Rapid Review Panel" },
        },
    };

    public static JsonObject PersonalInstall(string serviceUrl, JsonObject user, string chatId = TestIds.AdaChat) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = user.DeepClone(),
        ["recipient"] = new JsonObject { ["id"] = TestIds.Bot, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = chatId, ["conversationType"] = "personal", ["tenantId"] = TestIds.Tenant },
        ["membersAdded"] = new JsonArray(user.DeepClone(), new JsonObject { ["id"] = TestIds.Bot }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TestIds.Tenant } },
    };

    public static JsonObject PersonalMessage(string serviceUrl, JsonObject user, string text, string chatId = TestIds.AdaChat) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["text"] = text,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = user.DeepClone(),
        ["recipient"] = new JsonObject { ["id"] = TestIds.Bot, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = chatId, ["conversationType"] = "personal", ["tenantId"] = TestIds.Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TestIds.Tenant } },
    };

    public static JsonObject Execute(string serviceUrl, JsonObject user, string conversationId, string cardMessageId, string verb, JsonObject data, string? activityId = null) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = activityId ?? Guid.NewGuid().ToString(),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = user.DeepClone(),
        ["recipient"] = new JsonObject { ["id"] = TestIds.Bot, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TestIds.Tenant },
        ["replyToId"] = cardMessageId,
        ["channelData"] = new JsonObject { ["source"] = new JsonObject { ["name"] = "message" }, ["tenant"] = new JsonObject { ["id"] = TestIds.Tenant } },
        ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() } },
    };

    public static JsonObject Submit(string serviceUrl, JsonObject user, string conversationId, string cardMessageId, string verb, JsonObject data)
    {
        var value = (JsonObject)data.DeepClone();
        value["verb"] = verb;
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = user.DeepClone(),
            ["recipient"] = new JsonObject { ["id"] = TestIds.Bot, ["name"] = "TeamsReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TestIds.Tenant },
            ["replyToId"] = cardMessageId,
            ["channelData"] = new JsonObject { ["source"] = new JsonObject { ["name"] = "message" }, ["tenant"] = new JsonObject { ["id"] = TestIds.Tenant } },
            ["value"] = value,
        };
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonObject activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> BodyAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
