using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// When a case's requests leave if the business manager sends them at <c>now</c>: <paramref name="At"/>,
/// and whether that is the moment they are sent (<paramref name="OnSending"/>) rather than a later start
/// of the send day. Returns may count from the request (West Midlands, Salford), so this moment also
/// sets the returns deadline the letters give.
/// </summary>
public sealed record RequestSendMoment(DateTimeOffset At, bool OnSending)
{
    /// <summary>The London date the requests go out.</summary>
    public DateOnly Date => WorkingDayCalendar.LondonDate(At);

    /// <summary>
    /// The playbook's rule (<see cref="InformationRequestRule.GoOut"/>): where the procedure asks for the
    /// requests as early as possible they go at once; where it names the send day they go at the start
    /// of <paramref name="sendBy"/>, or at once when that has passed.
    /// </summary>
    /// <summary>The moment for a case's <paramref name="timetable"/>: its send-by deadline's day, under the playbook's rule.</summary>
    public static RequestSendMoment For(Playbook playbook, CaseTimetable timetable, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(timetable);
        return For(playbook.InformationRequests, timetable.Get(playbook.InformationRequests.SendBy).DueDate, playbook.Clock.WorkingDayStarts, now);
    }

    public static RequestSendMoment For(InformationRequestRule rule, DateOnly sendBy, TimeOnly workingDayStarts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.GoOut == RequestsGoOut.AtOnce)
        {
            return new RequestSendMoment(now, OnSending: true);
        }

        var startOfSendDay = WorkingDayCalendar.AtLondon(sendBy, workingDayStarts);
        return startOfSendDay > now ? new RequestSendMoment(startOfSendDay, OnSending: false) : new RequestSendMoment(now, OnSending: true);
    }
}
