namespace TeamsReviewBot.Workflows.Intake;

/// <summary>
/// Anyone can post to the notifications endpoint, so forged notifications (a wrong clientState) are
/// counted and logged at most once a minute with the count, not once each: a flood of them costs one
/// log line a minute, and an operator still sees that it is happening.
/// </summary>
public sealed partial class ClientStateMismatchLog(TimeProvider time, ILogger<ClientStateMismatchLog> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset _nextLogAt = DateTimeOffset.MinValue;
    private long _unlogged;

    public void Ignored(int count)
    {
        if (count <= 0)
        {
            return;
        }

        TeamsReviewBot.Observability.BotMetrics.Dropped("client_state_mismatch", count);

        long toLog;
        lock (_gate)
        {
            _unlogged += count;
            var now = time.GetUtcNow();
            if (now < _nextLogAt)
            {
                return;
            }

            toLog = _unlogged;
            _unlogged = 0;
            _nextLogAt = now + Window;
        }

        LogIgnored(toLog);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Count} notification(s) whose clientState does not match (logged at most once a minute)")]
    private partial void LogIgnored(long count);
}
