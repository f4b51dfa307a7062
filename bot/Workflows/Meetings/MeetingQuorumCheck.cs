using Microsoft.Extensions.Options;
using TeamsReviewBot.Cards;
using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Two working days before the meeting the bot reads the attendees' answers from the organiser's
/// event (the calendar is the truth) and, when a statutory partner has nobody accepted or tentative,
/// tells the business managers once which partner is missing, who was invited for it and how they
/// answered, and the deputies the partnership lists for it, so they can invite one.
/// </summary>
public sealed partial class MeetingQuorumCheck(
    CaseService cases,
    MeetingInvitees invitees,
    OnlineMeetings meetings,
    PartnershipDirectory directory,
    IBusinessManagerNotifier notifier,
    IOptions<MeetingOptions> options,
    TimeProvider time,
    ILogger<MeetingQuorumCheck> logger) : ITimerHandler
{
    public const string NotificationKind = "meeting-quorum";

    public string Kind => MeetingQuorum.TimerKind;

    /// <summary>Once per booking: a meeting cancelled and booked again is checked again.</summary>
    public static string NotificationId(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return $"{state.CaseCode}:meeting-quorum:{state.MeetingCancellations + 1}";
    }

    public Task HandleAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return CheckAsync(timer.StreamId, cancellationToken);
    }

    /// <summary>Checks the booked meeting's answers; returns the statutory partners nobody is coming for.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is not { MeetingEventId: { } eventId, MeetingAt: { } meetingAt } || meetingAt <= time.GetUtcNow() || state.MeetingHeldAt is not null
            || options.Value.Organiser is not { Length: > 0 } organiser)
        {
            return [];
        }

        var answers = await meetings.AnswersAsync(organiser, eventId, cancellationToken).ConfigureAwait(false);
        if (answers is null)
        {
            return [];
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        var people = await invitees.ForAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var byAddress = answers.ToDictionary(a => a.Address, StringComparer.OrdinalIgnoreCase);
        // A deputy added to the invitation counts for their partner once they accept.
        var deputies = directory.WithRole(PartnershipRole.Deputy).Where(d => !string.IsNullOrWhiteSpace(d.Email))
            .Select(d => new Invitee(d.Email!.Trim(), d.Name ?? d.Email!, MeetingInvitees.PartnerKey(d.Partner), false));
        var missing = MeetingQuorum.Missing(playbook, [.. people.Concat(deputies)], address => byAddress.TryGetValue(address, out var a) && a.Coming);
        LogChecked(caseCode, missing.Count);
        if (missing.Count > 0)
        {
            var lines = missing.Select(partner => Line(partner, people, byAddress));
            List<QuorumDeputy> deputyList = [.. missing.SelectMany(DeputiesFor)];
            var message = $"the {MeetingInvitation.MeetingName(playbook)} on {BritishDates.DateAndTime(meetingAt)} is not quorate yet: nobody has accepted for {Partners.List(missing)}. "
                + string.Join(" ", lines)
                + (deputyList.Count > 0 ? " Press a deputy's button below, or type" : " Type")
                + $" \"meeting {caseCode} invite ‹email address›\" to add someone to the same invitation.";
            var card = QuorumWarningCard.Create(caseCode, deputyList);
            await notifier.NotifyAsync(new BusinessManagerNotification(NotificationId(state), caseCode, playbook.Key, NotificationKind, message, card), cancellationToken).ConfigureAwait(false);
        }

        return missing;
    }

    private IEnumerable<QuorumDeputy> DeputiesFor(string partner) =>
        directory.WithRole(PartnershipRole.Deputy)
            .Where(d => MeetingInvitees.PartnerKey(d.Partner) == partner && !string.IsNullOrWhiteSpace(d.Email))
            .Select(d => new QuorumDeputy(d.Name ?? d.Email!.Trim(), d.Email!.Trim(), Partners.Name(partner)));

    private string Line(string partner, IReadOnlyList<Invitee> people, Dictionary<string, AttendeeAnswer> answers)
    {
        var invited = people.Where(p => p.Partner == partner)
            .Select(p => $"{p.Name} ({(answers.TryGetValue(p.Address, out var a) ? Describe(a.Response) : "not on the invitation")})")
            .ToList();
        var deputies = directory.WithRole(PartnershipRole.Deputy)
            .Where(d => MeetingInvitees.PartnerKey(d.Partner) == partner && !string.IsNullOrWhiteSpace(d.Email))
            .Select(d => $"{d.Name ?? d.Email} ({d.Email!.Trim()})")
            .ToList();
        return $"{Partners.List([partner])}: invited {(invited.Count == 0 ? "nobody" : string.Join(", ", invited))}; "
            + (deputies.Count == 0 ? "no deputy is listed." : $"deputies: {string.Join(", ", deputies)}.");
    }

    private static string Describe(string response) => response switch
    {
        "Declined" => "declined",
        "Accepted" => "accepted",
        "TentativelyAccepted" => "tentative",
        _ => "no answer",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting quorum of {CaseCode} checked: {Missing} statutory partner(s) with nobody coming.")]
    private partial void LogChecked(string caseCode, int missing);
}
