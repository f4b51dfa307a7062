using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>The case's afterwards timer came due (submitted, meeting held, letters unsent): carry out what is owed.</summary>
public sealed class AfterwardsTimerHandler(AfterwardsFollowUp followUp) : ITimerHandler
{
    public string Kind => AfterwardsPoint.TimerKind;

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return followUp.RunAsync(timer.StreamId, cancellationToken);
    }
}
