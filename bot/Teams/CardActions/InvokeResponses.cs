using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;

namespace TeamsReviewBot.Teams.CardActions;

/// <summary>The adaptiveCard/action invoke response bodies Teams understands (Universal Actions):
/// an updated card, a message, or an error. Never an empty body: Teams treats that as a failure
/// and retries.</summary>
public static class InvokeResponses
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static JsonObject From(CardActionResult result) => result switch
    {
        CardReply card => new JsonObject { ["statusCode"] = 200, ["type"] = AdaptiveCard.ContentType, ["value"] = card.Content.DeepClone() },
        MessageReply message => new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = message.Text },
        ErrorReply error => new JsonObject
        {
            ["statusCode"] = error.StatusCode,
            ["type"] = ErrorType,
            ["value"] = new JsonObject { ["code"] = error.StatusCode >= 500 ? "InternalError" : "BadRequest", ["message"] = error.Text },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}
