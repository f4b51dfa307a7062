using Microsoft.Extensions.Options;
using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>Slots offered for a case's meeting, with who was asked.</summary>
public sealed record MeetingProposal(CaseState Case, Playbook Playbook, IReadOnlyList<MeetingSlot> Slots, IReadOnlyList<Invitee> Invitees);

/// <summary>
/// Proposes the meeting from the invitees' free/busy and books it as a Teams meeting in the
/// organiser's calendar. Booking is done once: the event's transactionId comes from the case code,
/// so a retried click, or a crash after Graph made the event and before the case recorded it, gets
/// the same event back from Graph and records it; a case that already has it changes nothing.
/// </summary>
public sealed class MeetingService(
    CaseService cases,
    MeetingInvitees invitees,
    FreeBusyReader freeBusy,
    OnlineMeetings meetings,
    IOptions<MeetingOptions> options,
    MeetingFollowUps followUps,
    TimeProvider time)
{
    public async Task<MeetingProposal> ProposeAsync(string caseCode, CancellationToken cancellationToken)
    {
        var (state, playbook) = await CaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state.MeetingEventId is not null)
        {
            return new MeetingProposal(state, playbook, [], []);
        }

        var organiser = Organiser();
        var now = time.GetUtcNow();

        // The rules say whether this case may have a meeting booked (going to Rapid Review, not held yet).
        new CaseRules(playbook, cases.Schedule).ScheduleMeeting(state, now.AddDays(1), Process.Cases.Actor.System, now);
        var meeting = cases.Schedule.Timetable(playbook, state).Get(playbook.Meeting.Deadline);
        var people = await invitees.ForAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        var from = WorkingDayCalendar.AtLondon(meeting.EarliestDate ?? meeting.DueDate, TimeOnly.MinValue);
        var to = WorkingDayCalendar.AtLondon(meeting.DueDate.AddDays(1), TimeOnly.MinValue);
        var answers = await freeBusy.ReadAsync(organiser, [.. people.Select(p => p.Address)], from, to, cancellationToken).ConfigureAwait(false);
        var availability = FreeBusyAvailability.From(answers);
        var slots = SlotProposer.Propose(playbook, meeting, cases.Schedule.Calendar, people, availability, Length, options.Value.SlotsOffered, now);
        return new MeetingProposal(state, playbook, slots, people);
    }

    public async Task<CaseState> BookAsync(string caseCode, DateTimeOffset start, Process.Cases.Actor actor, CancellationToken cancellationToken)
    {
        var (state, playbook) = await CaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state.MeetingEventId is not null)
        {
            if (state.MeetingAt == start)
            {
                // A retry, or a press again after a reply cut short by storage: the timers the booking
                // owes are set again (each a keyed row, so still once).
                await followUps.AfterChangeAsync(playbook, state, cancellationToken).ConfigureAwait(false);
                return state;
            }

            throw new CaseRuleException($"The meeting for case {state.CaseCode} is already booked for {BritishDates.DateAndTime(state.MeetingAt!.Value)}; type \"meeting {state.CaseCode} move ‹date› ‹time› ‹reason›\" to move it.");
        }

        // The rules refuse (not going to Rapid Review, a time already passed) before Graph is asked.
        new CaseRules(playbook, cases.Schedule).ScheduleMeeting(state, start, actor, time.GetUtcNow());
        var people = await invitees.ForAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        var invite = new MeetingInvite(
            Organiser(),
            MeetingInvitation.Subject(playbook, state.CaseCode),
            MeetingInvitation.BodyHtml(playbook, state.CaseCode, start),
            start,
            start + Length,
            [.. people.Select(p => new MeetingAttendee(p.Address, p.Name))],
            MeetingInvitation.TransactionId(state.CaseCode, state.MeetingCancellations + 1));
        var booked = await meetings.CreateAsync(invite, cancellationToken).ConfigureAwait(false);
        var after = await cases.ExecuteAsync(
            state.CaseCode,
            (rules, current, now) => current.MeetingEventId == booked.EventId ? [] : rules.ScheduleMeeting(current, booked.Start, actor, now, booked.EventId, booked.JoinUrl),
            cancellationToken).ConfigureAwait(false);
        await followUps.AfterChangeAsync(playbook, after, cancellationToken).ConfigureAwait(false);
        return after;
    }

    /// <summary>Moves the booked meeting: the same calendar event is updated (attendees get an update,
    /// not a second invitation) and the case follows. A retry after a crash updates it to the same time
    /// again and records it once.</summary>
    public async Task<CaseState> MoveAsync(string caseCode, DateTimeOffset start, Process.Cases.Actor actor, string reason, CancellationToken cancellationToken)
    {
        var (state, playbook) = await CaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var eventId = state.MeetingEventId
            ?? throw new CaseRuleException($"No meeting has been booked through the bot for case {state.CaseCode}; type \"meeting {state.CaseCode}\" to book one.");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CaseRuleException("Please give a reason when moving the meeting; it is kept in the case's record.");
        }

        if (state.MeetingAt == start)
        {
            throw new CaseRuleException($"The meeting for case {state.CaseCode} is already at {BritishDates.DateAndTime(start)}.");
        }

        new CaseRules(playbook, cases.Schedule).ScheduleMeeting(state, start, actor, time.GetUtcNow());
        var moved = await meetings.MoveAsync(Organiser(), eventId, start, start + Length, cancellationToken).ConfigureAwait(false);
        var after = await cases.ExecuteAsync(
            state.CaseCode,
            (rules, current, now) => current.MeetingEventId != eventId || current.MeetingAt == moved.Start ? [] : rules.ScheduleMeeting(current, moved.Start, actor, now, eventId, moved.JoinUrl, reason),
            cancellationToken).ConfigureAwait(false);
        await followUps.AfterChangeAsync(playbook, after, cancellationToken).ConfigureAwait(false);
        return after;
    }

    /// <summary>Cancels the booked meeting: Graph tells the attendees, the case records it and its
    /// meeting deadlines go back to the plan. An event already cancelled (a retry) is not cancelled again.</summary>
    public async Task<CaseState> CancelAsync(string caseCode, Process.Cases.Actor actor, string reason, CancellationToken cancellationToken)
    {
        var (state, playbook) = await CaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var eventId = state.MeetingEventId
            ?? throw new CaseRuleException($"No meeting has been booked through the bot for case {state.CaseCode}, so there is none to cancel.");
        new CaseRules(playbook, cases.Schedule).CancelMeeting(state, actor, reason, time.GetUtcNow());
        var organiser = Organiser();
        if (await meetings.GetAsync(organiser, eventId, cancellationToken).ConfigureAwait(false) is { IsCancelled: false })
        {
            await meetings.CancelAsync(organiser, eventId, reason.Trim(), cancellationToken).ConfigureAwait(false);
        }

        var after = await cases.ExecuteAsync(
            state.CaseCode,
            (rules, current, now) => current.MeetingEventId != eventId ? [] : rules.CancelMeeting(current, actor, reason, now),
            cancellationToken).ConfigureAwait(false);
        await followUps.AfterChangeAsync(playbook, after, cancellationToken).ConfigureAwait(false);
        return after;
    }

    /// <summary>Adds someone (a deputy, usually) to the booked meeting's invitation under
    /// <paramref name="name"/> (the address when unknown); they get it, the others are not invited
    /// again. Recorded on the case once per address.</summary>
    public async Task<(CaseState State, bool Added)> InviteAsync(string caseCode, string address, string? name, Process.Cases.Actor actor, CancellationToken cancellationToken)
    {
        var (state, _) = await CaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var eventId = state.MeetingEventId
            ?? throw new CaseRuleException($"No meeting has been booked through the bot for case {state.CaseCode}; type \"meeting {state.CaseCode}\" to book one.");
        if (!System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            throw new CaseRuleException($"\"{address}\" is not an email address.");
        }

        var added = await meetings.AddAttendeeAsync(Organiser(), eventId, new MeetingAttendee(parsed.Address, name ?? parsed.Address), cancellationToken).ConfigureAwait(false);
        var history = await cases.HistoryAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        var recorded = history.Any(e => e.Type == CaseEventTypes.MeetingAttendeeAdded
            && CaseJson.Read<MeetingAttendeeAdded>(e.Data) is { } a && a.EventId == eventId && string.Equals(a.Address, parsed.Address, StringComparison.OrdinalIgnoreCase));
        if (!recorded)
        {
            state = await cases.ExecuteAsync(
                state.CaseCode,
                (_, current, now) => current.MeetingEventId != eventId ? [] : [new Process.Streams.NewEvent(CaseEventTypes.MeetingAttendeeAdded, CaseJson.Write(new MeetingAttendeeAdded(eventId, parsed.Address, actor, "Invited to make the meeting quorate.")), now)],
                cancellationToken).ConfigureAwait(false);
        }

        return (state, added);
    }

    private TimeSpan Length => TimeSpan.FromMinutes(options.Value.LengthMinutes);

    private string Organiser() => options.Value.Organiser is { Length: > 0 } organiser ? organiser
        : throw new CaseRuleException("No meeting organiser is set up (Meeting:Organiser), so I cannot read calendars or book the meeting. Ask whoever runs the bot to set it.");

    private async Task<(CaseState State, Playbook Playbook)> CaseAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false)
            ?? throw new CaseRuleException($"There is no case {caseCode}.");
        return (state, cases.Playbooks.Get(state.Partnership));
    }
}
