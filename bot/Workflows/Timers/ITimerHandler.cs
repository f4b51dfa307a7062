using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Timers;

/// <summary>Handles the timers of one kind. A timer may fire more than once (at least once is the
/// guarantee), so a handler must make a repeat harmless, e.g. keyed on the timer's id.</summary>
public interface ITimerHandler
{
    string Kind { get; }

    Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken);
}
