using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>
/// Keeps the return card in the case's thread in the panel channel: posted as a reply the first
/// time, edited in place after every change (sent, answered, chased, late, collated). The card names
/// agencies, states and dates only. A case without a thread, or Teams refusing, leaves a log line and
/// never stops the requests themselves.
/// </summary>
public sealed partial class ReturnCardInThread(
    AggregateStore<RequestBook> books,
    CaseService cases,
    ConnectorClient connector,
    TimeProvider time,
    ILogger<ReturnCardInThread> logger)
{
    public async Task ShowAsync(string caseCode, CancellationToken cancellationToken)
    {
        try
        {
            var thread = (await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false)).Thread;
            if (thread is null)
            {
                LogNoThread(caseCode);
                return;
            }

            var streamId = RequestBook.StreamIdFor(caseCode);
            var book = (await books.LoadAsync(streamId, cancellationToken).ConfigureAwait(false)).State;
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                From = new ChannelAccount { Id = thread.BotId, Name = thread.BotName },
                Conversation = new ConversationAccount { Id = thread.ThreadId, TenantId = thread.TenantId, IsGroup = true, ConversationType = "channel" },
                Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = ReturnStatusCard.Create(book, WorkingDayCalendar.LondonDate(time.GetUtcNow())) }],
            };
            if (book.ReturnCard is { } posted)
            {
                await connector.UpdateAsync(thread.ServiceUrl, posted.ThreadId, posted.MessageId, activity, cancellationToken).ConfigureAwait(false);
                return;
            }

            var sent = await connector.SendAsync(thread.ServiceUrl, thread.ThreadId, activity, cancellationToken).ConfigureAwait(false);
            if (sent.Id is { } messageId)
            {
                await books.ExecuteAsync(
                    streamId,
                    b => b.ReturnCard is null ? [RequestJson.Event(RequestEventTypes.ReturnCardPosted, new ReturnCardPosted(thread.ThreadId, messageId), time.GetUtcNow())] : [],
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            LogNotShown(caseCode, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CaseCode} has no thread in the panel channel; the return card is shown by the requests command only.")]
    private partial void LogNoThread(string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The return card of {CaseCode} could not be shown in its thread: {Reason}")]
    private partial void LogNotShown(string caseCode, string reason);
}
