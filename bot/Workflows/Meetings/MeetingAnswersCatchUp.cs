using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Reads the answers of every booked meeting still to come, for when a notification was missed (the
/// bot was down, Graph dropped it or said "missed"): each case records what it has not recorded yet and
/// warns about a gap not warned yet, exactly as a notification would have. One case failing does not
/// stop the others.
/// </summary>
public sealed partial class MeetingAnswersCatchUp(CaseIndexStore index, CaseService cases, MeetingQuorumCheck quorum, TimeProvider time, ILogger<MeetingAnswersCatchUp> logger)
{
    private static readonly HashSet<CaseStage> PastTheMeeting =
    [
        CaseStage.NoFurtherAction, CaseStage.OtherLearningRoute, CaseStage.MeetingHeld, CaseStage.ReportDrafted,
        CaseStage.SignedOff, CaseStage.Submitted, CaseStage.Afterwards, CaseStage.Closed,
    ];

    /// <summary>Returns how many cases' meetings were read.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var read = 0;
        foreach (var entry in await index.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Enum.TryParse<CaseStage>(entry.Stage, out var stage) && PastTheMeeting.Contains(stage))
            {
                continue;
            }

            try
            {
                var state = await cases.FindAsync(entry.CaseCode, cancellationToken).ConfigureAwait(false);
                if (MeetingQuorumCheck.Following(state) && state!.MeetingAt > time.GetUtcNow())
                {
                    await quorum.CheckAsync(entry.CaseCode, cancellationToken).ConfigureAwait(false);
                    read++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCaseFailed(entry.CaseCode, ex);
            }
        }

        return read;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the meeting answers of {CaseCode}; the next catch-up tries again")]
    private partial void LogCaseFailed(string caseCode, Exception ex);
}
