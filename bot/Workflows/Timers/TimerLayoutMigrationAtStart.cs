using TeamsReviewBot.Hosting;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Timers;

/// <summary>
/// Runs <see cref="TimerLayoutMigration"/> as the bot starts, before any hosted service starts (so
/// before the pump looks for due timers). When storage cannot be reached at start the bot still
/// starts, and the move is tried again every half minute until it is done; the timers not moved yet
/// wait (none is lost), and fire late rather than never.
/// </summary>
public sealed partial class TimerLayoutMigrationAtStart(
    TimerLayoutMigration migration,
    IHostApplicationLifetime lifetime,
    ILogger<TimerLayoutMigrationAtStart> logger) : MigrationAtStart(lifetime, logger)
{
    protected override bool BeforeOtherServices => true;

    protected override string NotDoneYet => "Timers kept in the previous layout could not be moved yet";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var moved = await migration.RunAsync(cancellationToken).ConfigureAwait(false);
        if (moved > 0)
        {
            LogMoved(moved);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} timers moved into the layout keyed by case.")]
    private partial void LogMoved(int count);
}
