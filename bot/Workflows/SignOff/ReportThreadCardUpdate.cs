using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.SignOff;

/// <summary>
/// Redraws the report's card in the case's thread from the case, so everyone in the thread sees the
/// new "comment from X at T" line, whichever way the comment came (the card's button or a reply). A
/// card Teams will not update is logged; the comment is recorded either way and the next one updates
/// the card again.
/// </summary>
public sealed partial class ReportThreadCardUpdate(ReportThreadViews views, ITeamsOutbound teams, ILogger<ReportThreadCardUpdate> logger)
{
    public async Task UpdateAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Thread is not { } thread || !state.ReportVersionCards.TryGetValue(state.CurrentReportVersion!.Number, out var messageId) || messageId is null)
        {
            return;
        }

        try
        {
            await teams.UpdateAsync(new ThreadMessage(thread.ChannelId, thread.ThreadId, messageId), ReportThreadCard.Create(views.View(state)), cancellationToken).ConfigureAwait(false);
        }
        catch (TeamsDeliveryException ex)
        {
            LogThreadUnreachable(state.CaseCode, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report's card for case {CaseCode} could not be updated in its thread: {Why}")]
    private partial void LogThreadUnreachable(string caseCode, string why);
}
