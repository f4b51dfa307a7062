using TeamsReviewBot.Hosting;
using TeamsReviewBot.Storage.InformationRequests;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// Runs <see cref="ReturnFileMigration"/> in the background once the bot has started: files not yet
/// moved are read from their old rows meanwhile, so nothing waits for it. When storage cannot be
/// reached it tries again every half minute until everything is moved; files whose old rows are
/// damaged are named in the log once and left as they are.
/// </summary>
public sealed partial class ReturnFileMigrationAtStart(ReturnFileMigration migration, IHostApplicationLifetime lifetime, ILogger<ReturnFileMigrationAtStart> logger)
    : MigrationAtStart(lifetime, logger)
{
    protected override bool BeforeOtherServices => false;

    protected override string NotDoneYet => "Returned files kept in table rows could not all be moved to Blob Storage yet";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var result = await migration.RunAsync(cancellationToken).ConfigureAwait(false);
        if (result.Moved > 0)
        {
            LogMoved(result.Moved);
        }

        if (result.Damaged.Count > 0)
        {
            // Trying again would read the same damaged rows: they are named once, for someone to look at.
            LogDamaged(result.Damaged.Count, string.Join(", ", result.Damaged));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} returned files moved from table rows to Blob Storage.")]
    private partial void LogMoved(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} returned files kept in table rows are damaged and were left there, unmoved: {Ids}.")]
    private partial void LogDamaged(int count, string ids);
}
