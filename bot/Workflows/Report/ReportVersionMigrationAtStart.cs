using TeamsReviewBot.Hosting;

namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// Runs <see cref="ReportVersionMigration"/> in the background once the bot has started: versions not
/// yet copied are read from their old records meanwhile, so nothing waits for it. When storage cannot
/// be reached it tries again every half minute until everything is copied; versions whose old records
/// are damaged are named (case code and hash) in the log once and left as they are.
/// </summary>
public sealed partial class ReportVersionMigrationAtStart(ReportVersionMigration migration, IHostApplicationLifetime lifetime, ILogger<ReportVersionMigrationAtStart> logger)
    : MigrationAtStart(lifetime, logger)
{
    protected override bool BeforeOtherServices => false;

    protected override string NotDoneYet => "Report versions kept as sealed records could not all be copied to their own blobs yet";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var result = await migration.RunAsync(cancellationToken).ConfigureAwait(false);
        if (result.Copied > 0)
        {
            LogMoved(result.Copied);
        }

        if (result.Damaged.Count > 0)
        {
            // Trying again would read the same damaged rows: they are named once, for someone to look at.
            LogDamaged(result.Damaged.Count, string.Join(", ", result.Damaged));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} report versions copied from sealed records to their own blobs.")]
    private partial void LogMoved(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} report versions kept as sealed records do not open to their hash and were left there, uncopied: {Ids}.")]
    private partial void LogDamaged(int count, string ids);
}
