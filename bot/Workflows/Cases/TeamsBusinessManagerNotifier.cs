using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Outbound;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Tells the business managers in their personal chat with the bot, then records on the case stream
/// that they were told (once per notification id) and logs it. The alert goes out before it is
/// recorded, so a timer retried after a crash repeats an alert rather than losing one. It carries no
/// personal data: the case code, the kind and the deadline only.
/// </summary>
public sealed partial class TeamsBusinessManagerNotifier(
    CaseService cases,
    IBusinessManagerAlerts alerts,
    ILogger<TeamsBusinessManagerNotifier> logger) : IBusinessManagerNotifier
{
    public async Task NotifyAsync(BusinessManagerNotification notification, CancellationToken cancellationToken)
    {
        var current = await cases.LoadAsync(notification.CaseCode, cancellationToken).ConfigureAwait(false);
        if (current.Notifications.Contains(notification.Id))
        {
            return;
        }

        var sentence = $"{notification.CaseCode}: {notification.Message}";
        var reached = await (notification.Card is { } card
            ? alerts.AlertAsync(sentence, card, cancellationToken)
            : alerts.AlertAsync(sentence, cancellationToken)).ConfigureAwait(false);
        var notified = new BusinessManagersNotified(notification.Id, notification.Message, Actor.System, notification.Kind);
        var outcome = await cases.DecideAsync(notification.CaseCode, (state, now) => DecisionRules.ManagersNotified(state, notified, now), cancellationToken).ConfigureAwait(false);
        if (outcome.Appended.Count > 0)
        {
            LogNotified(notification.Partnership, notification.CaseCode, notification.Kind, reached);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Business managers of {Partnership} told about case {CaseCode}: {Kind} (reached {Reached} in Teams).")]
    private partial void LogNotified(string partnership, string caseCode, string kind, int reached);
}
