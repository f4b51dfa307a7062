using System.Text.Json.Nodes;
using TeamsReviewBot.Identity;

namespace TeamsReviewBot.Teams.CardActions;

/// <summary>Where a card action came from: the conversation and the message holding the card.</summary>
public sealed record CardSource(string ServiceUrl, string ConversationId, string? CardMessageId, string? ActivityId, string? TenantId, string BotId);

/// <summary>
/// One press of a card button, by Action.Execute (invoke) or its Action.Submit fallback (message):
/// the verb, the button's data merged with the card's inputs, who pressed it and where.
/// <see cref="IsAutomaticRefresh"/> marks Teams fetching a user-specific view (refresh.userIds).
/// </summary>
public sealed record CardAction(string Verb, JsonObject Data, Caller Actor, CardSource Source, bool IsAutomaticRefresh)
{
    public string? DataString(string name) => Data[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
