using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>A held report file nobody confirmed within <see cref="HeldReportVersions.HoldFor"/> is deleted;
/// a file held again since (a later attachment of the same file) waits for its own time.</summary>
public sealed class HeldReportVersionExpiry(HeldReportVersions held) : ITimerHandler
{
    public string Kind => HeldReportVersions.ExpiryTimerKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (HeldReportVersions.ShaOf(timer) is { } sha256)
        {
            // Finding it deletes it once its time is up.
            await held.FindAsync(timer.StreamId, sha256, cancellationToken).ConfigureAwait(false);
        }
    }
}
