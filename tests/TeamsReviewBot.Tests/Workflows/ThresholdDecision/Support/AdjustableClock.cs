namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;

/// <summary>
/// Real time moved to a chosen instant: the clock starts at <paramref name="start"/> and runs,
/// and a test can jump it forward. Timers and delays stay real, so retries and pacing still work.
/// </summary>
public sealed class AdjustableClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _offset = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void JumpTo(DateTimeOffset instant) => _offset = instant - base.GetUtcNow();
}
