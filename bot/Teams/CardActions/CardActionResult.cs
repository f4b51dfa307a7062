using System.Text.Json.Nodes;

namespace TeamsReviewBot.Teams.CardActions;

/// <summary>What a card action answers: a card that replaces the one pressed (for this user), a
/// short message shown under it, or an error sentence.</summary>
public abstract record CardActionResult
{
    public static CardActionResult Card(JsonObject card) => new CardReply(card);

    public static CardActionResult Message(string text) => new MessageReply(text);

    public static CardActionResult Error(string message, int statusCode = 400) => new ErrorReply(statusCode, message);
}

public sealed record CardReply(JsonObject Content) : CardActionResult;

public sealed record MessageReply(string Text) : CardActionResult;

public sealed record ErrorReply(int StatusCode, string Text) : CardActionResult;
