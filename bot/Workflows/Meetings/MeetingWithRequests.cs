using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;

namespace TeamsReviewBot.Workflows.Meetings;

/// <summary>
/// Where the seed sets the meeting when the information requests go out (Tameside's Day 3 calendar
/// invite, Salford's date set with the requests), the moment the requests are sent the bot reads the
/// invitees' calendars and tells the business managers the best times, once, with the command that
/// books one. A case whose meeting is booked already hears nothing.
/// </summary>
public sealed partial class MeetingWithRequests(
    CaseService cases,
    MeetingService meetings,
    IBusinessManagerNotifier notifier,
    ILogger<MeetingWithRequests> logger) : IRequestsSentFollower
{
    public const string NotificationKind = "meeting-with-requests";

    public static string NotificationId(string caseCode) => $"{caseCode}:meeting-with-requests";

    public async Task AfterRequestsSentAsync(string caseCode, CancellationToken cancellationToken)
    {
        var state = await cases.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (state is null || state.RequestedAt is null || state.MeetingEventId is not null || state.Notifications.Contains(NotificationId(caseCode)))
        {
            return;
        }

        var playbook = cases.Playbooks.Get(state.Partnership);
        if (!playbook.Meeting.ProposeWithRequests)
        {
            return;
        }

        string message;
        try
        {
            var proposal = await meetings.ProposeAsync(caseCode, cancellationToken).ConfigureAwait(false);
            message = $"the information requests have gone out, and the {playbook.Name} procedure sets the {MeetingInvitation.MeetingName(playbook)} now. "
                + (proposal.Slots.Count == 0
                    ? "No working-hours time is left in the playbook's window; agree a time and book it by hand."
                    : $"The best times from the calendars of the {proposal.Invitees.Count} people invited: {string.Join("; ", proposal.Slots.Take(3).Select(Describe))}.")
                + $" Type \"meeting {caseCode}\" to choose one and send the invitation.";
        }
        catch (CaseRuleException ex)
        {
            message = $"the information requests have gone out, and the {playbook.Name} procedure sets the meeting now, but I could not propose times: {ex.Message}";
        }
        catch (ODataError ex)
        {
            // The requests went; the timer fires again and this is tried again.
            LogGraphFailed(caseCode, ex.ResponseStatusCode);
            throw;
        }

        await notifier.NotifyAsync(new BusinessManagerNotification(NotificationId(caseCode), caseCode, playbook.Key, NotificationKind, message), cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(MeetingSlot slot) =>
        $"{BritishDates.DateAndTime(slot.Start)} ({(slot.Quorate ? "every statutory partner has someone free" : "nobody free for " + Partners.List(slot.PartnersMissing))})";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading calendars for the meeting of {CaseCode} failed at Graph ({Status}); the requests' timer will try again.")]
    private partial void LogGraphFailed(string caseCode, int status);
}
