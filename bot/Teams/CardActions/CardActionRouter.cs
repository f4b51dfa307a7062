using System.Text.Json.Nodes;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Teams.CardActions;

/// <summary>
/// Sends each card verb to the one handler registered for it, after working out who pressed the
/// button and refusing (in a sentence, recorded) anyone without the role the handler needs.
/// Serves both Action.Execute invokes and Action.Submit fallbacks.
/// </summary>
public sealed partial class CardActionRouter
{
    private readonly Dictionary<string, ICardActionHandler> _byVerb = new(StringComparer.Ordinal);
    private readonly PartnershipDirectory _directory;
    private readonly RefusalAudit _audit;
    private readonly ILogger<CardActionRouter> _logger;

    public CardActionRouter(IEnumerable<ICardActionHandler> handlers, PartnershipDirectory directory, RefusalAudit audit, ILogger<CardActionRouter> logger)
    {
        foreach (var handler in handlers)
        {
            if (!_byVerb.TryAdd(handler.Verb, handler))
            {
                throw new InvalidOperationException($"Two card action handlers both claim the verb '{handler.Verb}'.");
            }
        }

        _directory = directory;
        _audit = audit;
        _logger = logger;
    }

    /// <summary>Reads verb and data from an activity: value.action.{verb,data} for an invoke,
    /// value.{verb,…} for a submit. Null when the activity carries no verb.</summary>
    public static (string Verb, JsonObject Data, bool Automatic)? ReadAction(Activity activity)
    {
        if (activity.Value is not JsonObject value)
        {
            return null;
        }

        if (value["action"] is JsonObject action)
        {
            var verb = action["verb"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var data = action["data"] as JsonObject ?? [];
            var automatic = value["trigger"] is JsonValue t && t.TryGetValue<string>(out var trigger) && trigger == "automatic";
            return verb is null ? null : (verb, (JsonObject)data.DeepClone(), automatic);
        }

        if (value["verb"] is JsonValue submitVerb && submitVerb.TryGetValue<string>(out var verbText))
        {
            var data = (JsonObject)value.DeepClone();
            data.Remove("verb");
            return (verbText, data, false);
        }

        return null;
    }

    public async Task<CardActionResult> RouteAsync(Activity activity, string verb, JsonObject data, bool automatic, CancellationToken cancellationToken)
    {
        if (activity.From?.Id is not { } userId || activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversationId)
        {
            return CardActionResult.Error("The card action did not say who pressed it or where.");
        }

        if (!_byVerb.TryGetValue(verb, out var handler))
        {
            LogUnknownVerb(_logger, verb);
            return CardActionResult.Error("This button belongs to a card I no longer handle. Ask a business manager for a fresh card.");
        }

        var tenantId = activity.Conversation.TenantId ?? activity.ChannelData?.Tenant?.Id;
        var actor = _directory.Identify(userId, activity.From.AadObjectId, ActivitySender.TenantOf(activity), activity.From.Name);
        var action = new CardAction(verb, data, actor,
            new CardSource(serviceUrl, conversationId, activity.ReplyToId, activity.Id, tenantId, activity.Recipient?.Id ?? string.Empty), automatic);

        if (handler.AllowedRoles.Count > 0 && !handler.AllowedRoles.Any(actor.Holds))
        {
            if (automatic)
            {
                // Teams fetching a view the person may not have is not a refusal worth recording,
                // but the handler must not run for them either.
                return CardActionResult.Error(handler.RefusalSentence, 403);
            }

            var reason = RefusalAudit.LacksRole(actor, handler.AllowedRoles);
            await _audit.RecordAsync("card:" + verb, actor, conversationId, activity.ReplyToId, reason, cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"{handler.RefusalSentence} Nothing was recorded.");
        }

        return await handler.HandleAsync(action, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No card action handler for verb {Verb}.")]
    private static partial void LogUnknownVerb(ILogger logger, string verb);
}
