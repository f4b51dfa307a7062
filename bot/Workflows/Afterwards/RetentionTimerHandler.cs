using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Report;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Afterwards;

/// <summary>
/// The retention period after closure has passed: the case's sealed details (the referral's child's
/// details and free text, the letters' child reference) are erased by deleting them and the case's
/// key, every stored report version, the agencies' stored returns and the collated chronology are
/// deleted, and the erasure is recorded on the case. The events stay: they
/// never held the child's details. Erasing twice erases nothing more and records nothing more.
/// </summary>
public sealed partial class RetentionTimerHandler(CaseService cases, ReferralVault vault, IAgenciesThatTookPart requests, ReturnFileStore files, ReportVersionStore reportVersions, IOptions<AfterwardsOptions> options, IBusinessManagerNotifier notifier, ILogger<RetentionTimerHandler> logger) : ITimerHandler
{
    public const string TimerKind = "retention";

    public static string TimerId(string caseCode) => $"{caseCode}:retention";

    public string Kind => TimerKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var state = await cases.FindAsync(timer.StreamId, cancellationToken).ConfigureAwait(false);

        // Retention switched off since the timer was set, or the case reopened or already erased: nothing to do.
        if (state is null || !state.IsClosed || state.DetailsErasedAt is not null || options.Value.RetentionAfterClosure is not { } retention)
        {
            return;
        }

        var records = await vault.EraseAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        foreach (var file in await requests.StoredFilesAsync(state.CaseCode, cancellationToken).ConfigureAwait(false))
        {
            records += await files.DeleteAsync(file, cancellationToken).ConfigureAwait(false);
        }

        records += await reportVersions.EraseAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        var change = await cases.DecideAsync(state.CaseCode, (current, now) => AfterwardsRules.Erased(current, records, retention, now), cancellationToken).ConfigureAwait(false);
        if (change.Appended.Count > 0)
        {
            LogErased(state.CaseCode, records);
        }

        await notifier.NotifyAsync(new BusinessManagerNotification($"{state.CaseCode}:erased", state.CaseCode, state.Partnership, "retention", $"the retention period for case {state.CaseCode} has passed: the child's details and the case's stored files were erased. Its audit trail is kept."), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed details of case {CaseCode} erased after the retention period ({Records} records).")]
    private partial void LogErased(string caseCode, int records);
}
