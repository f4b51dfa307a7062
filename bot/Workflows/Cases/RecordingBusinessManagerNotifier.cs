using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Records on the case stream that the business managers were told (once per notification id) and
/// logs it. It carries no personal data: the case code, the kind and the deadline only.
/// </summary>
public sealed partial class RecordingBusinessManagerNotifier(
    AggregateStore<CaseState> cases,
    TimeProvider time,
    ILogger<RecordingBusinessManagerNotifier> logger) : IBusinessManagerNotifier
{
    public async Task NotifyAsync(BusinessManagerNotification notification, CancellationToken cancellationToken)
    {
        var outcome = await cases.ExecuteAsync(
            notification.CaseCode,
            state => state.Notifications.Contains(notification.Id)
                ? []
                : [new NewEvent(
                    CaseEventTypes.BusinessManagersNotified,
                    CaseJson.Write(new BusinessManagersNotified(notification.Id, notification.Message, Actor.System, notification.Kind)),
                    time.GetUtcNow())],
            cancellationToken).ConfigureAwait(false);
        if (outcome.Appended.Count > 0)
        {
            LogNotified(notification.Partnership, notification.CaseCode, notification.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Business managers of {Partnership} told about case {CaseCode}: {Kind}.")]
    private partial void LogNotified(string partnership, string caseCode, string kind);
}
