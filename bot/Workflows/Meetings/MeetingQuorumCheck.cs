using Microsoft.Extensions.Options;
using TeamsReviewBot.Cards;
using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Follows the attendees' answers to the booked meeting, the organiser's calendar being the truth:
/// whenever Graph says the event changed, when a notification may have been missed (start-up, every
/// Meeting:ResponsesCheckInterval, a "missed" lifecycle event), and at the check point two working
/// days before, it reads the event's answers, records each new one on the case once, and refreshes
/// the thread card. The business managers are warned once per gap: at once when a statutory partner's
/// every attendee declined or it lost its last attendee coming, and at the check point for any partner
/// nobody has accepted for. The warning names the partner, who was invited for it and how they
/// answered, and the deputies the partnership lists, with a button to invite each.
/// </summary>
public sealed partial class MeetingQuorumCheck(
    CaseService cases,
    MeetingInvitees invitees,
    OnlineMeetings meetings,
    PartnershipDirectory directory,
    IBusinessManagerNotifier notifier,
    DecisionFollowUpOutbox thread,
    IOptions<MeetingOptions> options,
    TimeProvider time,
    ILogger<MeetingQuorumCheck> logger) : ITimerHandler
{
    public const string NotificationKind = "meeting-quorum";

    public string Kind => MeetingQuorum.TimerKind;

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return CheckAsync(timer.StreamId, cancellationToken);
    }

    /// <summary>Reads and records the booked meeting's answers and warns about any gap not warned yet;
    /// returns the statutory partners nobody is coming for.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!Following(state) || options.Value.Organiser is not { Length: > 0 } organiser)
        {
            return [];
        }

        var answers = await meetings.ReadAnswersAsync(organiser, state!.MeetingEventId!, cancellationToken).ConfigureAwait(false);
        return answers is null ? [] : await FollowAsync(state.CaseCode, answers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Graph says the organiser's event changed: the case it belongs to (named by the event's
    /// transactionId, and holding this event id) records its answers. Other events are left alone.</summary>
    public async Task FollowEventAsync(string eventId, CancellationToken cancellationToken)
    {
        if (options.Value.Organiser is not { Length: > 0 } organiser)
        {
            return;
        }

        var answers = await meetings.ReadAnswersAsync(organiser, eventId, cancellationToken).ConfigureAwait(false);
        if (answers is null || MeetingInvitation.CaseCodeOf(answers.TransactionId) is not { } caseCode || cases.Playbooks.ForCaseCode(caseCode) is null)
        {
            LogNotACaseEvent(eventId);
            return;
        }

        await FollowAsync(caseCode, answers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A case whose meeting is booked, still to come and not held: its answers are followed.</summary>
    public static bool Following(CaseState? state) =>
        state is { MeetingEventId: not null, MeetingAt: not null, MeetingHeldAt: null };

    private async Task<IReadOnlyList<string>> FollowAsync(string caseCode, EventAnswers answers, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (!Following(state) || state!.MeetingEventId != answers.EventId || state.MeetingAt <= now || answers.IsCancelled)
        {
            return [];
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var people = await invitees.WithDeputiesAsync(caseCode, cancellationToken).ConfigureAwait(false);
        List<AttendeeReply> replies = [.. answers.Answers.Select(a => new AttendeeReply(a.Address, a.Response, a.At, a.ProposedStart, a.ProposedEnd))];
        var change = await cases.DecideAsync(caseCode, (current, at) => MeetingResponses.Record(playbook, current, answers.EventId, replies, people, at), cancellationToken).ConfigureAwait(false);
        state = change.State;
        if (change.Appended.Count > 0)
        {
            LogRecorded(caseCode, change.Appended.Count);
            await thread.UpdateThreadSoonAsync(caseCode, cancellationToken).ConfigureAwait(false);
        }

        List<Invitee> onInvitation = [.. people.Where(p => answers.Answers.Any(a => string.Equals(a.Address, p.Address, StringComparison.OrdinalIgnoreCase)))];
        var checkPointReached = now >= MeetingQuorum.CheckAt(playbook, cases.Schedule.Calendar, state.MeetingAt!.Value);
        var missing = MeetingQuorum.Gaps(playbook, state, onInvitation, checkPointReached: true);
        List<string> toWarn = [.. MeetingQuorum.Gaps(playbook, state, onInvitation, checkPointReached).Where(p => !MeetingQuorum.Warned(state, p))];
        LogChecked(caseCode, missing.Count, toWarn.Count);
        if (toWarn.Count > 0)
        {
            await WarnAsync(state, toWarn, people, answers, cancellationToken).ConfigureAwait(false);
        }

        return missing;
    }

    private async Task WarnAsync(CaseState state, IReadOnlyList<string> partners, IReadOnlyList<Invitee> people, EventAnswers answers, CancellationToken cancellationToken)
    {
        var playbook = cases.Playbooks.Get(state.Partnership);
        var byAddress = answers.Answers.ToDictionary(a => a.Address, StringComparer.OrdinalIgnoreCase);
        var lines = partners.Select(partner => Line(partner, people, byAddress));
        List<QuorumDeputy> deputyList = [.. partners.SelectMany(DeputiesFor).Where(d => !byAddress.ContainsKey(d.Address))];
        var message = $"the {MeetingInvitation.MeetingName(playbook)} on {BritishDates.DateAndTime(state.MeetingAt!.Value)} is not quorate yet: nobody has accepted for {Partners.List(partners)}. "
            + string.Join(" ", lines)
            + (deputyList.Count > 0 ? " Press a deputy's button below, or type" : " Type")
            + $" \"meeting {state.CaseCode} invite ‹email address›\" to add someone to the same invitation.";
        var card = QuorumWarningCard.Create(state.CaseCode, deputyList);
        await notifier.NotifyAsync(new BusinessManagerNotification(MeetingQuorum.NotificationId(state, partners), state.CaseCode, playbook.Key, NotificationKind, message, card), cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<QuorumDeputy> DeputiesFor(string partner) =>
        directory.WithRole(PartnershipRole.Deputy)
            .Where(d => MeetingInvitees.PartnerKey(d.Partner) == partner && !string.IsNullOrWhiteSpace(d.Email))
            .Select(d => new QuorumDeputy(d.Name ?? d.Email!.Trim(), d.Email!.Trim(), Partners.Name(partner)));

    private string Line(string partner, IReadOnlyList<Invitee> people, Dictionary<string, AttendeeAnswer> answers)
    {
        var invited = people.Where(p => p.Partner == partner && answers.ContainsKey(p.Address))
            .Select(p => $"{p.Name} ({Describe(answers[p.Address].Response)})")
            .ToList();
        var deputies = directory.WithRole(PartnershipRole.Deputy)
            .Where(d => MeetingInvitees.PartnerKey(d.Partner) == partner && !string.IsNullOrWhiteSpace(d.Email))
            .Select(d => $"{d.Name ?? d.Email} ({d.Email!.Trim()})")
            .ToList();
        return $"{Partners.List([partner])}: invited {(invited.Count == 0 ? "nobody" : string.Join(", ", invited))}; "
            + (deputies.Count == 0 ? "no deputy is listed." : $"deputies: {string.Join(", ", deputies)}.");
    }

    private static string Describe(string response) => MeetingResponses.Normalise(response) switch
    {
        MeetingResponses.Declined => "declined",
        MeetingResponses.Accepted => "accepted",
        MeetingResponses.Tentative => "tentative",
        _ => "no answer",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting answers of {CaseCode} followed: {Missing} statutory partner(s) with nobody coming, {Warned} to warn about now.")]
    private partial void LogChecked(string caseCode, int missing, int warned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} new answer(s) to the meeting of {CaseCode}.")]
    private partial void LogRecorded(string caseCode, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Calendar event {EventId} is not a case's meeting (or is gone); nothing to follow.")]
    private partial void LogNotACaseEvent(string eventId);
}
