namespace TeamsReviewBot.Hosting.Memory;

/// <summary>
/// Decides, at each look, whether to hand memory back now: after a busy spell (enough allocated since
/// the last release), once the instance is quiet (little allocated since the last look and no one's
/// request being answered). A release is a full blocking collection, so it waits for a moment no
/// one is waiting on the bot, and is not repeated while nothing new has been allocated.
/// </summary>
public sealed class MemoryReleaseDecision(IdleMemoryReleaseOptions options, long allocatedAtStart)
{
    private long _allocatedAtLastLook = allocatedAtStart;
    private long _allocatedAtLastRelease = allocatedAtStart;

    /// <param name="allocatedSoFar">Bytes the process has allocated since it started.</param>
    /// <param name="requestsBeingAnswered">Requests someone is waiting on right now.</param>
    public bool ReleaseNow(long allocatedSoFar, int requestsBeingAnswered)
    {
        var sinceLastLook = allocatedSoFar - _allocatedAtLastLook;
        _allocatedAtLastLook = allocatedSoFar;
        var quiet = sinceLastLook < options.QuietUnderBytes && requestsBeingAnswered == 0;
        var worthIt = allocatedSoFar - _allocatedAtLastRelease >= options.AfterAllocatingBytes;
        if (!quiet || !worthIt)
        {
            return false;
        }

        _allocatedAtLastRelease = allocatedSoFar;
        return true;
    }
}
