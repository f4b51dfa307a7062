using System.Text.Json.Nodes;

namespace TeamsReviewBot.Cards;

/// <summary>Small builders for Adaptive Card 1.5 JSON, the version Teams needs for Action.Execute
/// and refresh. Cards are plain JSON so every one can be checked by the official parser in tests.</summary>
public static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    /// <summary>Teams refreshes a card automatically for at most 60 users (refresh.userIds).</summary>
    public const int MaxRefreshUserIds = 60;

    public static JsonObject Create(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        if (actions is not null)
        {
            card["actions"] = new JsonArray([.. actions]);
        }

        return card;
    }

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["wrap"] = true,
        ["style"] = "heading",
    };

    public static JsonObject Text(string text, bool subtle = false, string? size = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    /// <summary>An Action.Execute (Universal Actions) with an Action.Submit fallback carrying the
    /// same verb and data, so clients without Universal Actions reach the same handler.</summary>
    public static JsonObject ExecuteAction(string title, string verb, JsonObject data, bool withFallback = true)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data.DeepClone(),
        };
        if (withFallback)
        {
            var submitData = (JsonObject)data.DeepClone();
            submitData["verb"] = verb;
            action["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = submitData };
        }

        return action;
    }
}
