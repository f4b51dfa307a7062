using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// What follows a change to the meeting: the case's thread card shows it (time and Teams link, or
/// that it was cancelled), and the papers timer is set for the playbook's point before it, moved
/// with it, or removed when it is cancelled. The timer is a durable row, so the papers go after a
/// restart too; its handler checks the case again before sending anything. Where the playbook books the
/// decision makers' sign-off slot, its timer is set to book, move or cancel it now (SignOffSlotKeeper).
/// </summary>
public sealed class MeetingFollowUps(CaseService cases, DurableTimerStore timers, DecisionFollowUpOutbox thread, TimeProvider time) : IReturnFollower
{
    public async Task AfterChangeAsync(Playbook playbook, CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sendAt = MeetingPapers.SendAt(playbook, cases.Schedule.Timetable(playbook, state), state);
        if (sendAt is { } at)
        {
            await timers.ScheduleAsync(new DurableTimer(MeetingPapers.TimerId(state.CaseCode), MeetingPapers.TimerKind, state.CaseCode, at, "{}"), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await timers.CancelAsync(state.CaseCode, MeetingPapers.TimerId(state.CaseCode), cancellationToken).ConfigureAwait(false);
        }

        if (state is { MeetingEventId: not null, MeetingAt: { } meetingAt })
        {
            var checkAt = MeetingQuorum.CheckAt(playbook, cases.Schedule.Calendar, meetingAt);
            await timers.ScheduleAsync(new DurableTimer(MeetingQuorum.TimerId(state.CaseCode), MeetingQuorum.TimerKind, state.CaseCode, checkAt, "{}"), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await timers.CancelAsync(state.CaseCode, MeetingQuorum.TimerId(state.CaseCode), cancellationToken).ConfigureAwait(false);
        }

        if (SignOffSlots.Next(playbook, state) != SignOffSlotStep.None)
        {
            await timers.ScheduleAsync(new DurableTimer(SignOffSlots.TimerId(state.CaseCode), SignOffSlots.TimerKind, state.CaseCode, time.GetUtcNow(), "{}"), cancellationToken).ConfigureAwait(false);
        }

        await thread.UpdateThreadSoonAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An agency's return came in: when the papers have gone for a meeting still to come,
    /// updated papers are owed now (the timer's handler sends them once).</summary>
    public async Task AfterReturnAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is { MeetingEventId: { } eventId, MeetingAt: { } meetingAt } && state.MeetingPapersEventId == eventId && meetingAt > time.GetUtcNow())
        {
            await timers.ScheduleAsync(new DurableTimer(MeetingPapers.TimerId(caseCode), MeetingPapers.TimerKind, caseCode, time.GetUtcNow(), "{}"), cancellationToken).ConfigureAwait(false);
        }
    }
}
