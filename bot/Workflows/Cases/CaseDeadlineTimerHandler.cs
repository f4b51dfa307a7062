using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Fires a case's reminders and escalations. It first looks at the case: a step already done, a case
/// closed or a reminder already recorded means nothing more happens, so a timer that fires twice
/// (two instances, a retry after a crash) tells the business managers once. A missed decision
/// window also applies the decision rule to the votes as they stand (escalating when it cannot decide).
/// </summary>
public sealed class CaseDeadlineTimerHandler(
    CaseService service,
    IBusinessManagerNotifier notifier,
    StepOwnerReminders? owners = null) : ITimerHandler
{
    public string Kind => CaseDeadlineTimer.TimerKind;

    public async Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var payload = CaseJson.Read<CaseDeadlineTimer>(timer.Payload);
        var playbook = service.Playbooks.ForCaseCode(payload.CaseCode);
        if (playbook is null || !(await service.LoadAsync(payload.CaseCode, cancellationToken).ConfigureAwait(false)).Exists)
        {
            return;
        }

        // Through the case service, so the index and the other timers follow a stage the clock changed
        // (returns overdue, a decision escalated when its window passed).
        var state = await service.ExecuteAsync(payload.CaseCode, (rules, current, now) => Decide(rules, current, timer, payload, now), cancellationToken).ConfigureAwait(false);
        if (!state.RemindersSent.Contains(timer.Id) || state.Notifications.Contains(timer.Id))
        {
            return;
        }

        var message = Message(payload, state);

        // A step a seat owns is reminded to that person; the business managers hear of it only when
        // the bot could not reach them, and when it is missed.
        if (payload.Kind != ReminderKinds.Missed && playbook.FindDeadline(payload.Deadline)?.Owner is { } owner)
        {
            // Without personal chats wired (a host with no Teams), the business managers pass it on.
            IReadOnlyList<string> unreached = owners is null
                ? ["no personal chat is set up"]
                : await owners.RemindAsync(playbook, payload.CaseCode, payload, timer.Id, cancellationToken).ConfigureAwait(false);
            if (unreached.Count == 0)
            {
                return;
            }

            message += $" I could not remind the {playbook.FindSeat(owner)?.Title ?? owner} in Teams ({string.Join("; ", unreached)}); please pass this on.";
        }

        await notifier.NotifyAsync(new BusinessManagerNotification(timer.Id, payload.CaseCode, playbook.Key, payload.Kind, message), cancellationToken).ConfigureAwait(false);
    }

    private List<NewEvent> Decide(CaseRules rules, CaseState state, DurableTimer timer, CaseDeadlineTimer payload, DateTimeOffset now)
    {
        if (state.RemindersSent.Contains(timer.Id) || state.IsClosed || state.MilestoneAt(payload.CompletedBy, payload.Deadline) is not null)
        {
            return [];
        }

        // A deadline moved since this timer was set: the timer for the new date speaks for it.
        var current = service.Schedule.Timetable(rules.Playbook, state).Find(payload.Deadline);
        if (current is null || current.DueAt != payload.DueAt)
        {
            return [];
        }

        if (payload.Kind != ReminderKinds.Missed)
        {
            return [new(CaseEventTypes.ReminderSent, CaseJson.Write(new ReminderSent(timer.Id, payload.Deadline, payload.Kind, payload.DueAt, Actor.System, "Reminder before the deadline.")), now)];
        }

        var events = new List<NewEvent>
        {
            new(CaseEventTypes.DeadlineMissed, CaseJson.Write(new DeadlineMissed(timer.Id, payload.Deadline, payload.CompletedBy, payload.DueAt, Actor.System, "The deadline passed with its step not done.")), now),
        };
        if (payload.Deadline == "decision")
        {
            events.AddRange(rules.DecisionWindowPassed(state, now));
        }

        return events;
    }

    private static string Message(CaseDeadlineTimer payload, CaseState state) => payload.Kind switch
    {
        ReminderKinds.Missed => $"Case {state.CaseCode}: '{payload.DeadlineName}' was due {BritishDates.DateAndTime(payload.DueAt)} and is not done. Where the case stands: {CaseStageNames.Describe(state.Stage)}.",
        ReminderKinds.Countdown => $"Case {state.CaseCode}: '{payload.DeadlineName}' is due by {BritishDates.DateAndTime(payload.DueAt)} and is not done yet.",
        ReminderKinds.OnTheDay => $"Case {state.CaseCode}: '{payload.DeadlineName}' is due today, {BritishDates.DateAndTime(payload.DueAt)}.",
        _ => $"Case {state.CaseCode}: '{payload.DeadlineName}' is due {BritishDates.DateAndTime(payload.DueAt)}.",
    };
}
