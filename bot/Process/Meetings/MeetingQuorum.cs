using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Meetings;

/// <summary>
/// Whether the booked meeting will be quorate: at least one representative of each statutory partner
/// the playbook names (its meeting's quorumPartners, each with its seed line) has accepted or
/// tentatively accepted the invitation. Checked two working days before the meeting, at the start of
/// the working day, which leaves the business managers time to invite a deputy.
/// </summary>
public static class MeetingQuorum
{
    /// <summary>How long before the meeting the answers are checked (no seed dates it; the product's choice).</summary>
    public const int WorkingDaysBefore = 2;

    public const string TimerKind = "meeting-quorum";

    public static string TimerId(string caseCode) => $"{caseCode}:meeting-quorum";

    public static DateTimeOffset CheckAt(Playbook playbook, WorkingDayCalendar calendar, DateTimeOffset meetingAt)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(calendar);
        var day = calendar.AddWorkingDays(WorkingDayCalendar.LondonDate(meetingAt), -WorkingDaysBefore);
        return WorkingDayCalendar.AtLondon(day, playbook.Clock.WorkingDayStarts);
    }

    /// <summary>The quorum partners with nobody invited for them coming (accepted or tentative).</summary>
    public static IReadOnlyList<string> Missing(Playbook playbook, IReadOnlyList<Invitee> invitees, Func<string, bool> coming)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(invitees);
        ArgumentNullException.ThrowIfNull(coming);
        return [.. playbook.Meeting.QuorumPartners.Where(partner => !invitees.Any(i => i.Partner == partner && coming(i.Address)))];
    }

    /// <summary>
    /// The quorum partners the business managers should hear about now, from the answers recorded on
    /// the case: once the check point has come, every partner with nobody coming; before it, a partner
    /// whose every attendee on the invitation declined (its only attendee declining, typically), or
    /// one that had someone coming and now has nobody (a decline after accepting).
    /// </summary>
    public static IReadOnlyList<string> Gaps(Playbook playbook, CaseState state, IReadOnlyList<Invitee> onInvitation, bool checkPointReached)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(onInvitation);
        return [.. playbook.Meeting.QuorumPartners.Where(partner =>
        {
            if (state.MeetingResponses.Values.Any(r => r.Partner == partner && r.Coming))
            {
                return false;
            }

            var attendees = onInvitation.Where(i => i.Partner == partner).ToList();
            var allDeclined = attendees.Count > 0 && attendees.All(a =>
                state.MeetingResponses.TryGetValue(a.Address.ToLowerInvariant(), out var r) && r.Response == MeetingResponses.Declined);
            return checkPointReached || allDeclined || state.MeetingQuorumLosses.GetValueOrDefault(partner) > 0;
        })];
    }

    /// <summary>One warning per gap: a partner's gap is named by how many times it lost its last attendee
    /// coming on this booking, so the same gap is never warned twice and a new one is.</summary>
    public static string GapKey(CaseState state, string partner)
    {
        ArgumentNullException.ThrowIfNull(state);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{partner}.{state.MeetingQuorumLosses.GetValueOrDefault(partner)}");
    }

    /// <summary>The warning's notification id: the booking, then the gap of each partner it names.</summary>
    public static string NotificationId(CaseState state, IEnumerable<string> partners)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Booking(state) + "|" + string.Join("|", partners.Select(p => GapKey(state, p)));
    }

    /// <summary>Whether the business managers were already warned about this partner's current gap.</summary>
    public static bool Warned(CaseState state, string partner)
    {
        ArgumentNullException.ThrowIfNull(state);
        var prefix = Booking(state) + "|";
        var gap = GapKey(state, partner);
        return state.Notifications.Any(id => id.StartsWith(prefix, StringComparison.Ordinal) && id[prefix.Length..].Split('|').Contains(gap));
    }

    private static string Booking(CaseState state) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state.CaseCode}:meeting-quorum:{state.MeetingCancellations + 1}");
}
