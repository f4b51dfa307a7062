using TeamsReviewBot.Process.Submission;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Submission;

/// <summary>
/// Tells the business managers, once, that the National Panel's expected response date comes before the
/// case's own submission deadline (<see cref="PanelDateRules"/>). Fired from a timer set when the case's
/// follow-ups first see that date, so it survives a restart; a timer for a date no longer in force (the
/// report went, or a later email moved the date) tells nobody.
/// </summary>
public sealed class PanelDateNotice(CaseService cases, IBusinessManagerNotifier notifier) : ITimerHandler
{
    public string Kind => PanelDateRules.TimerKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var state = await cases.FindAsync(timer.StreamId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        if (PanelDateRules.Earlier(playbook, state, cases.Schedule.Timetable(playbook, state)) is not { } earlier
            || timer.Id != PanelDateRules.NoticeId(state.CaseCode, earlier.PanelDate))
        {
            return;
        }

        await notifier.NotifyAsync(
            new BusinessManagerNotification(timer.Id, state.CaseCode, playbook.Key, PanelDateRules.TimerKind, PanelDateRules.Describe(earlier)),
            cancellationToken).ConfigureAwait(false);
    }
}
