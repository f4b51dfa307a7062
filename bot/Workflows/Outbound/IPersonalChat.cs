using System.Text.Json.Nodes;

namespace TeamsReviewBot.Workflows.Outbound;

/// <summary>Sends a card to one person's personal chat with the bot, never a channel.</summary>
public interface IPersonalChat
{
    /// <summary>Null when the card was delivered; otherwise a sentence saying why it could not be
    /// (e.g. the person has no personal chat with the bot yet).</summary>
    Task<string?> SendCardAsync(string aadObjectId, JsonObject card, CancellationToken cancellationToken);
}
