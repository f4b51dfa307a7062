namespace TeamsReviewBot.Teams;

/// <summary>Sends each activity to the handler for its type. Types the bot has no use for are
/// acknowledged and ignored, as the Bot Framework expects.</summary>
public sealed partial class ActivityRouter(IEnumerable<IActivityHandler> handlers, ILogger<ActivityRouter> logger)
{
    private readonly Dictionary<string, IActivityHandler> _byType = handlers.ToDictionary(h => h.ActivityType, StringComparer.OrdinalIgnoreCase);

    public Task<ActivityResult> RouteAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type is { } type && _byType.TryGetValue(type, out var handler))
        {
            return handler.HandleAsync(activity, cancellationToken);
        }

        LogIgnored(activity.Type ?? "(none)");
        return Task.FromResult(ActivityResult.Accepted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored an activity of type {ActivityType}.")]
    private partial void LogIgnored(string activityType);
}
