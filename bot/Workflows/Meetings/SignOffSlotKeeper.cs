using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.SignOff;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Keeps the decision makers' sign-off slot in step with the meeting when its timer fires (set by
/// <see cref="MeetingFollowUps"/> after every booking, move and cancellation): books it in the
/// organiser's calendar for the people who sign the report off, moves the same event when the meeting
/// moved, cancels it when the meeting was cancelled, and records each on the case. The create is keyed
/// by a transactionId and the case is read before each step, so a retry after a crash does each once.
/// </summary>
public sealed partial class SignOffSlotKeeper(
    CaseService cases,
    SignOffSeats seats,
    FreeBusyReader freeBusy,
    OnlineMeetings meetings,
    IOptions<MeetingOptions> options,
    TimeProvider time,
    ILogger<SignOffSlotKeeper> logger) : ITimerHandler
{
    public string Kind => SignOffSlots.TimerKind;

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return KeepAsync(timer.StreamId, cancellationToken);
    }

    public async Task KeepAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null || options.Value.Organiser is not { Length: > 0 } organiser)
        {
            return;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        switch (SignOffSlots.Next(playbook, state))
        {
            case SignOffSlotStep.Book:
                await BookAsync(playbook, state, organiser, cancellationToken).ConfigureAwait(false);
                break;
            case SignOffSlotStep.Move:
                await MoveAsync(playbook, state, organiser, cancellationToken).ConfigureAwait(false);
                break;
            case SignOffSlotStep.Cancel:
                await CancelAsync(state, organiser, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task BookAsync(Playbook playbook, CaseState state, string organiser, CancellationToken cancellationToken)
    {
        if (await ChooseAsync(playbook, state, organiser, cancellationToken).ConfigureAwait(false) is not { } slot)
        {
            return;
        }

        var (choice, invitees, meetingAt) = slot;
        var booked = await meetings.CreateAsync(
            new MeetingInvite(
                organiser,
                SignOffSlots.Subject(state.CaseCode),
                SignOffSlots.BodyHtml(playbook, state.CaseCode, meetingAt, [.. SignOffSeats.Signing(playbook).Select(s => s.Title)]),
                choice.Start,
                choice.End,
                [.. invitees.Select(i => new MeetingAttendee(i.Address, i.Name))],
                SignOffSlots.TransactionId(state.CaseCode, state.SignOffSlotCancellations + 1)),
            cancellationToken).ConfigureAwait(false);
        await RecordAsync(state.CaseCode, booked, meetingAt, invitees, choice.Free.Count, cancellationToken).ConfigureAwait(false);
        LogBooked(state.CaseCode, choice.Free.Count, invitees.Count);
    }

    private async Task MoveAsync(Playbook playbook, CaseState state, string organiser, CancellationToken cancellationToken)
    {
        var eventId = state.SignOffSlot!.EventId;
        if (await meetings.GetAsync(organiser, eventId, cancellationToken).ConfigureAwait(false) is null or { IsCancelled: true })
        {
            // Someone removed it from the organiser's calendar: the case forgets it and a new one is booked.
            var forgotten = await ForgetAsync(state.CaseCode, eventId, "The sign-off slot was no longer in the organiser's calendar.", cancellationToken).ConfigureAwait(false);
            await BookAsync(playbook, forgotten, organiser, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await ChooseAsync(playbook, state, organiser, cancellationToken).ConfigureAwait(false) is not { } slot)
        {
            return;
        }

        var moved = await meetings.MoveAsync(organiser, eventId, slot.Choice.Start, slot.Choice.End, cancellationToken).ConfigureAwait(false);
        await RecordAsync(state.CaseCode, moved, slot.MeetingAt, slot.Invitees, slot.Choice.Free.Count, cancellationToken).ConfigureAwait(false);
        LogMoved(state.CaseCode, slot.Choice.Free.Count, slot.Invitees.Count);
    }

    private async Task CancelAsync(CaseState state, string organiser, CancellationToken cancellationToken)
    {
        var eventId = state.SignOffSlot!.EventId;
        if (await meetings.GetAsync(organiser, eventId, cancellationToken).ConfigureAwait(false) is { IsCancelled: false })
        {
            await meetings.CancelAsync(organiser, eventId, $"The Rapid Review meeting for case {state.CaseCode} was cancelled, so this sign-off slot is too. A new one comes with the next meeting.", cancellationToken).ConfigureAwait(false);
        }

        await ForgetAsync(state.CaseCode, eventId, "The meeting it followed was cancelled.", cancellationToken).ConfigureAwait(false);
        LogCancelled(state.CaseCode);
    }

    /// <summary>The signers (not their deputies: the slot is in the decision makers' own diaries) with an
    /// address, their free/busy from the meeting's end to the day the sign-off is due, and the time chosen.</summary>
    private async Task<(SignOffSlotChoice Choice, IReadOnlyList<Invitee> Invitees, DateTimeOffset MeetingAt)?> ChooseAsync(Playbook playbook, CaseState state, string organiser, CancellationToken cancellationToken)
    {
        List<Invitee> invitees = [.. seats.People(playbook)
            .Where(p => !p.ByDeputy && !string.IsNullOrWhiteSpace(p.Person.Email))
            .Select(p => new Invitee(p.Person.Email!.Trim(), p.Person.Name ?? p.Person.Email!.Trim(), p.Seat.Partner, Required: true))
            .DistinctBy(i => i.Address, StringComparer.OrdinalIgnoreCase)];
        if (invitees.Count == 0)
        {
            LogNobodyToInvite(state.CaseCode);
            return null;
        }

        var meetingAt = state.MeetingAt!.Value;
        var meetingEnds = meetingAt + TimeSpan.FromMinutes(options.Value.LengthMinutes);
        var due = cases.Schedule.Timetable(playbook, state).Get(playbook.SignOff.Deadline).DueDate;
        var answers = await freeBusy.ReadAsync(organiser, [.. invitees.Select(i => i.Address)], meetingEnds, WorkingDayCalendar.AtLondon(due.AddDays(1), TimeOnly.MinValue), cancellationToken).ConfigureAwait(false);
        var availability = FreeBusyAvailability.From(answers);
        if (SignOffSlots.Choose(playbook, cases.Schedule.Calendar, meetingEnds, due, invitees, availability, time.GetUtcNow()) is not { } choice)
        {
            LogNoTimeLeft(state.CaseCode);
            return null;
        }

        return (choice, invitees, meetingAt);
    }

    private async Task RecordAsync(string caseCode, BookedMeeting booked, DateTimeOffset meetingAt, IReadOnlyList<Invitee> invitees, int free, CancellationToken cancellationToken) =>
        await cases.DecideAsync(
            caseCode,
            (current, now) => current.SignOffSlot is { } slot && slot.EventId == booked.EventId && slot.MeetingAt == meetingAt && slot.Start == booked.Start
                ? []
                : [new NewEvent(CaseEventTypes.SignOffSlotBooked, CaseJson.Write(new SignOffSlotBooked(booked.EventId, meetingAt, booked.Start, booked.End, [.. invitees.Select(i => i.Address)], free, Actor.System)), now)],
            cancellationToken).ConfigureAwait(false);

    private async Task<CaseState> ForgetAsync(string caseCode, string eventId, string reason, CancellationToken cancellationToken) =>
        (await cases.DecideAsync(
            caseCode,
            (current, now) => current.SignOffSlot?.EventId != eventId
                ? []
                : [new NewEvent(CaseEventTypes.SignOffSlotCancelled, CaseJson.Write(new SignOffSlotCancelled(eventId, reason, Actor.System)), now)],
            cancellationToken).ConfigureAwait(false)).State;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-off slot booked for case {CaseCode}: {Free} of {Invited} decision makers free then")]
    private partial void LogBooked(string caseCode, int free, int invited);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-off slot for case {CaseCode} moved with its meeting: {Free} of {Invited} decision makers free then")]
    private partial void LogMoved(string caseCode, int free, int invited);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-off slot for case {CaseCode} cancelled with its meeting")]
    private partial void LogCancelled(string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No sign-off slot booked for case {CaseCode}: no one who signs the report off has an email address in Partnership:People")]
    private partial void LogNobodyToInvite(string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No sign-off slot booked for case {CaseCode}: no working time is left between the meeting and the day the sign-off is due")]
    private partial void LogNoTimeLeft(string caseCode);
}
