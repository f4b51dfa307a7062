using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;

namespace TeamsReviewBot.Teams;

/// <summary>Builds the bot's replies to an incoming activity.</summary>
public static class ActivityReplies
{
    public static Activity Text(Activity incoming, string text) => Base(incoming, text, null);

    public static Activity Card(Activity incoming, JsonObject card, string? text = null) => Base(incoming, text, card);

    private static Activity Base(Activity incoming, string? text, JsonObject? card) => new()
    {
        Type = ActivityTypes.Message,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Text = text,
        TextFormat = text is null ? null : "markdown",
        Attachments = card is null ? null : [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }],
    };
}
