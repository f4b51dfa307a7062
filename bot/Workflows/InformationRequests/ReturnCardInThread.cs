using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// Keeps the return card in the case's thread in the panel channel: posted as a reply the first
/// time, edited in place after every change (sent, answered, chased, late, collated). The card names
/// agencies, states and dates only. A case without a thread, or Teams refusing, leaves a log line and
/// never stops the requests themselves.
/// </summary>
public sealed partial class ReturnCardInThread(
    CaseService cases,
    ITeamsOutbound teams,
    TimeProvider time,
    ILogger<ReturnCardInThread> logger)
{
    public async Task ShowAsync(string caseCode, CancellationToken cancellationToken)
    {
        try
        {
            // Every caller has just read or changed the case, so the state in memory is current: no read here.
            var state = await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false);
            var opened = state.Thread;
            if (opened is null)
            {
                LogNoThread(caseCode);
                return;
            }

            var thread = PanelThread.CardOf(opened).Thread;
            var book = state.Requests;
            var card = ReturnStatusCard.Create(book, WorkingDayCalendar.LondonDate(time.GetUtcNow()));
            if (book.ReturnCard is { } posted)
            {
                await teams.UpdateAsync(new ThreadMessage(thread.ChannelId, posted.ThreadId, posted.MessageId), card, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (await teams.ReplyAsync(thread, card, cancellationToken).ConfigureAwait(false) is { } messageId)
            {
                await cases.DecideAsync(
                    caseCode,
                    (s, now) => s.Requests.ReturnCard is null ? [RequestJson.Event(RequestEventTypes.ReturnCardPosted, new ReturnCardPosted(thread.ThreadId, messageId), now)] : [],
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is TeamsDeliveryException or TaskCanceledException)
        {
            LogNotShown(caseCode, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CaseCode} has no thread in the panel channel; the return card is shown by the requests command only.")]
    private partial void LogNoThread(string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The return card of {CaseCode} could not be shown in its thread: {Reason}")]
    private partial void LogNotShown(string caseCode, string reason);
}
