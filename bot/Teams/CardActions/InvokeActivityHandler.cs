namespace TeamsReviewBot.Teams.CardActions;

/// <summary>
/// invoke activities. adaptiveCard/action (Action.Execute and card refresh) goes to the card
/// action router and is answered in the HTTP response body; other names go to the
/// <see cref="IInvokeHandler"/> registered for them (composeExtension/query…); names nobody
/// handles are answered 501, as the Teams SDK does for invokes an app does not implement.
/// </summary>
public sealed partial class InvokeActivityHandler(CardActionRouter router, IEnumerable<IInvokeHandler> invokeHandlers, ILogger<InvokeActivityHandler> logger) : IActivityHandler
{
    private readonly Dictionary<string, IInvokeHandler> _byName = invokeHandlers.ToDictionary(h => h.InvokeName, StringComparer.OrdinalIgnoreCase);

    public const string AdaptiveCardAction = "adaptiveCard/action";

    public string ActivityType => ActivityTypes.Invoke;

    public async Task<ActivityResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Name is { } name && _byName.TryGetValue(name, out var named))
        {
            return await named.HandleAsync(activity, cancellationToken).ConfigureAwait(false);
        }

        if (!string.Equals(activity.Name, AdaptiveCardAction, StringComparison.OrdinalIgnoreCase))
        {
            LogUnhandled(logger, activity.Name ?? "(none)");
            return new ActivityResult(501);
        }

        if (CardActionRouter.ReadAction(activity) is not { } action)
        {
            return new ActivityResult(200, InvokeResponses.From(CardActionResult.Error("The card action has no verb.")));
        }

        CardActionResult result;
        try
        {
            result = await router.RouteAsync(activity, action.Verb, action.Data, action.Automatic, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, action.Verb);
            result = CardActionResult.Error(CardActionFailure.Sentence, 500);
        }

        return new ActivityResult(200, InvokeResponses.From(result));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered an invoke named {Name} with 501: the bot does not implement it.")]
    private static partial void LogUnhandled(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Card action {Verb} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string verb);
}
