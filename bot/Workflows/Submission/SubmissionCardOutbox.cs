using Microsoft.Extensions.Options;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Submission;

/// <summary>
/// Once the report is signed off, each business manager gets the submission card in their personal
/// chat, once. It is owed as a durable timer row written before the SignedOff event is appended; it
/// then runs at once in the background, and if the process stops first the timer pump sends it after
/// a lease. The card goes through <see cref="IBusinessManagerNotifier"/>, keyed on the case, so a
/// repeat (a retried timer, a restart) finds it recorded and sends nothing more.
/// </summary>
public sealed class SubmissionCardOutbox(
    CaseService cases,
    SubmissionViews views,
    IBusinessManagerNotifier notifier,
    DurableTimerStore timers,
    OutboundWorker background,
    IOptions<TimerPumpOptions> pump,
    TimeProvider time) : ITimerHandler
{
    public const string TimerKind = "submission-card";

    public string Kind => TimerKind;

    public static string TimerId(string caseCode) => caseCode + ":submission-card";

    public static string NotificationId(string caseCode) => caseCode + ":submission-card";

    /// <summary>For <see cref="CaseService.DecideAsync"/>'s beforeAppend: when the events about to be
    /// written sign the report off, the card is written down as owed first.</summary>
    public Task RecordIfSigningOffAsync(string caseCode, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken) =>
        events.Any(e => e.Type == CaseEventTypes.SignedOff)
            ? timers.ScheduleAsync(new DurableTimer(TimerId(caseCode), TimerKind, caseCode, time.GetUtcNow() + pump.Value.Lease, "{}"), cancellationToken)
            : Task.CompletedTask;

    /// <summary>After the append: sends the cards now in the background when the report was just signed off.</summary>
    public ValueTask SendSoonIfSignedOffAsync(string caseCode, IReadOnlyList<StoredEvent> appended, CancellationToken cancellationToken) =>
        appended.Any(e => e.Type == CaseEventTypes.SignedOff)
            ? background.EnqueueAsync($"send the submission card of case {caseCode}", async ct =>
            {
                await SendAsync(caseCode, ct).ConfigureAwait(false);
                await timers.CancelAsync(caseCode, TimerId(caseCode), ct).ConfigureAwait(false);
            }, cancellationToken)
            : ValueTask.CompletedTask;

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return SendAsync(timer.StreamId, cancellationToken);
    }

    private async Task SendAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is not { SignedOffAt: not null, Submission: null } || state.Notifications.Contains(NotificationId(caseCode)))
        {
            return;
        }

        var view = views.Card(state);
        var message = $"the report (version {view.Version}) is signed off and ready for the National Panel, due by {view.Deadline}. Check the covering letter and press Submit, or type \"submit {caseCode}\".";
        await notifier.NotifyAsync(
            new BusinessManagerNotification(NotificationId(caseCode), caseCode, state.Partnership, "submission-ready", message, SubmissionCard.Personal(view)),
            cancellationToken).ConfigureAwait(false);
    }
}
