using System.Text.Json.Nodes;

namespace TeamsReviewBot.Commands;

/// <summary>What the bot answers: text, an adaptive card, or both.</summary>
public sealed record CommandReply(string? Text, JsonObject? Card)
{
    public static CommandReply Message(string text) => new(text, null);

    public static CommandReply WithCard(JsonObject card, string? text = null) => new(text, card);
}
