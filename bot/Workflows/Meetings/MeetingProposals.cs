using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>What pressing "Move the meeting to this time" came to: the case as it now stands, what to
/// tell the business manager, and whether the meeting moved.</summary>
public sealed record ProposalMoveResult(CaseState State, string Notice, bool Moved);

/// <summary>
/// The new times invitees proposed for the booked meeting: each weighed against the invitees'
/// calendars (one free/busy read for all of them) and the playbook's window for the meeting card, and
/// applied on a business manager's word by moving the same calendar event (<see cref="MeetingService.MoveAsync"/>),
/// recorded as "proposed by" the invitee. A press that comes after the meeting already moved, to this
/// time or another, changes nothing and says what happened.
/// </summary>
public sealed partial class MeetingProposals(
    CaseService cases,
    MeetingService meetings,
    MeetingInvitees invitees,
    FreeBusyReader freeBusy,
    IOptions<MeetingOptions> options,
    TimeProvider time,
    ILogger<MeetingProposals> logger)
{
    /// <summary>The proposals still open on a booked meeting (a time to come, not the meeting's own), earliest first.</summary>
    public async Task<IReadOnlyList<ProposedTime>> OpenAsync(CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = time.GetUtcNow();
        var open = state.MeetingResponses.Values
            .Where(r => r.ProposedStart is { } start && start > now && start != state.MeetingAt)
            .OrderBy(r => r.ProposedStart).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        if (state.MeetingEventId is null || state.MeetingAt is not { } meetingAt || open.Count == 0)
        {
            return [];
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var window = cases.Schedule.Timetable(playbook, state).Get(playbook.Meeting.Deadline);
        var people = await InvitedAsync(state, cancellationToken).ConfigureAwait(false);
        var availability = await AvailabilityAsync(state.CaseCode, people, open[0].ProposedStart!.Value, open.Max(r => r.ProposedStart!.Value) + Length, meetingAt, cancellationToken).ConfigureAwait(false);
        return [.. open.Select(r =>
        {
            var start = r.ProposedStart!.Value;
            var slot = availability is null ? null : SlotProposer.Assess(playbook, people, availability, start, start + Length);
            return new ProposedTime(r.Address, r.Name, start, people.Count, slot?.Free.Count, slot?.PartnersMissing ?? [], MeetingWindow.Outside(playbook, window, cases.Schedule.Calendar, start, start + Length));
        })];
    }

    /// <summary>Moves the meeting to the time <paramref name="address"/> proposed, when the meeting is
    /// still at <paramref name="shownAt"/> (the time the pressed card showed) and they still propose it.
    /// A time outside the playbook's window needs <paramref name="reason"/>, as "meeting move" does.</summary>
    public async Task<ProposalMoveResult> MoveAsync(string caseCode, string address, DateTimeOffset proposed, DateTimeOffset shownAt, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false)
            ?? throw new CaseRuleException($"There is no case {caseCode}.");
        if (state.MeetingEventId is null || state.MeetingAt is not { } meetingAt)
        {
            throw new CaseRuleException($"No meeting is booked for case {state.CaseCode} now, so there is none to move.");
        }

        if (meetingAt == proposed)
        {
            var by = await LastMovedByAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
            return new ProposalMoveResult(state, $"The meeting for {state.CaseCode} is already at {BritishDates.DateAndTime(proposed)}{by}; nothing was changed.", false);
        }

        if (meetingAt != shownAt)
        {
            var by = await LastMovedByAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
            return new ProposalMoveResult(state, $"Since that card was shown the meeting for {state.CaseCode} was moved to {BritishDates.DateAndTime(meetingAt)}{by}, so it was not moved again. This card shows it as it is now.", false);
        }

        var answer = state.MeetingResponses.GetValueOrDefault(address.Trim().ToLowerInvariant());
        if (answer?.ProposedStart != proposed)
        {
            return new ProposalMoveResult(state, $"{answer?.Name ?? address} no longer proposes {BritishDates.DateAndTime(proposed)} for the meeting of {state.CaseCode}; nothing was changed.", false);
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var window = cases.Schedule.Timetable(playbook, state).Get(playbook.Meeting.Deadline);
        var outside = MeetingWindow.Outside(playbook, window, cases.Schedule.Calendar, proposed, proposed + Length);
        if (outside is not null && string.IsNullOrWhiteSpace(reason))
        {
            return new ProposalMoveResult(state, $"{BritishDates.DateAndTime(proposed)} is outside the playbook's meeting window ({outside}). Type the reason for moving it there in the box on this card and press again; it is kept in the case's record. Nothing was changed.", false);
        }

        var why = $"Proposed by {answer.Name}." + (outside is null ? string.Empty : $" Outside the playbook's window ({outside}): {reason!.Trim()}");
        var after = await meetings.MoveAsync(state.CaseCode, proposed, actor, why, cancellationToken).ConfigureAwait(false);
        LogMoved(state.CaseCode);
        return new ProposalMoveResult(after, $"The meeting for {after.CaseCode} is moved to {BritishDates.DateAndTime(proposed)}, as {answer.Name} proposed. Attendees get an update to the same invitation and the deadlines follow.", true);
    }

    private TimeSpan Length => TimeSpan.FromMinutes(options.Value.LengthMinutes);

    /// <summary>Everyone on the invitation: as booked, and anyone added to it since (a deputy).</summary>
    private async Task<List<Invitee>> InvitedAsync(CaseState state, CancellationToken cancellationToken)
    {
        var people = (await invitees.ForAsync(state.CaseCode, cancellationToken).ConfigureAwait(false)).ToList();
        var history = await cases.HistoryAsync(state.CaseCode, cancellationToken).ConfigureAwait(false);
        foreach (var added in history.Where(e => e.Type == CaseEventTypes.MeetingAttendeeAdded).Select(e => CaseJson.Read<MeetingAttendeeAdded>(e.Data)))
        {
            if (added.EventId == state.MeetingEventId && !people.Any(p => string.Equals(p.Address, added.Address, StringComparison.OrdinalIgnoreCase)))
            {
                var answer = state.MeetingResponses.GetValueOrDefault(added.Address.ToLowerInvariant());
                people.Add(new Invitee(added.Address, answer?.Name ?? added.Address, answer?.Partner, false));
            }
        }

        return people;
    }

    /// <summary>The invitees' calendars over the proposed times, the meeting's own place in them left
    /// out (it moves); null when Graph could not be read, so the card says so rather than guessing.</summary>
    private async Task<List<Availability>?> AvailabilityAsync(string caseCode, List<Invitee> people, DateTimeOffset from, DateTimeOffset to, DateTimeOffset meetingAt, CancellationToken cancellationToken)
    {
        if (options.Value.Organiser is not { Length: > 0 } organiser)
        {
            return null;
        }

        try
        {
            var answers = await freeBusy.ReadAsync(organiser, [.. people.Select(p => p.Address)], from, to, cancellationToken).ConfigureAwait(false);
            return [.. answers.Select(a => new Availability(a.Address, a.Busy?.Where(b => b.Start != meetingAt || b.End != meetingAt + Length).Select(b => new BusySpan(b.Start, b.End)).ToList()))];
        }
        catch (Exception ex) when (ex is ODataError or HttpRequestException)
        {
            LogFreeBusyFailed(caseCode, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>" (moved by Bea Okoro on …)": who last set the meeting's time, from the case's record.</summary>
    private async Task<string> LastMovedByAsync(string caseCode, CancellationToken cancellationToken)
    {
        var history = await cases.HistoryAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var last = history.LastOrDefault(e => e.Type == CaseEventTypes.MeetingScheduled);
        return last is null ? string.Empty : $" (set by {CaseJson.Read<MeetingScheduled>(last.Data).Actor.Name} on {BritishDates.DateAndTime(last.OccurredAt)})";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The meeting of {CaseCode} was moved to a time an invitee proposed.")]
    private partial void LogMoved(string caseCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Free/busy for the proposed meeting times of {CaseCode} could not be read ({Failure}).")]
    private partial void LogFreeBusyFailed(string caseCode, string failure);
}
