namespace TeamsReviewBot.Workflows.Report;

/// <summary>
/// Runs <see cref="ReportVersionMigration"/> in the background once the bot has started: versions not
/// yet copied are read from their old records meanwhile, so nothing waits for it. When storage cannot
/// be reached it tries again every half minute until everything is copied; versions whose old records
/// are damaged are named (case code and hash) in the log once and left as they are.
/// </summary>
public sealed partial class ReportVersionMigrationAtStart(ReportVersionMigration migration, ILogger<ReportVersionMigrationAtStart> logger) : BackgroundService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await migration.RunAsync(stoppingToken).ConfigureAwait(false);
                if (result.Copied > 0)
                {
                    LogMoved(result.Copied);
                }

                if (result.Damaged.Count > 0)
                {
                    // Trying again would read the same damaged rows: they are named once, for someone to look at.
                    LogDamaged(result.Damaged.Count, string.Join(", ", result.Damaged));
                }

                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWillRetry(ex.Message);
            }

            try
            {
                await Task.Delay(RetryEvery, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} report versions copied from sealed records to their own blobs.")]
    private partial void LogMoved(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} report versions kept as sealed records do not open to their hash and were left there, uncopied: {Ids}.")]
    private partial void LogDamaged(int count, string ids);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report versions kept as sealed records could not all be copied to their own blobs yet ({Reason}); trying again in 30 seconds.")]
    private partial void LogWillRetry(string reason);
}
