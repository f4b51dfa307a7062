using TeamsReviewBot.Process.Calendar;
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
}
