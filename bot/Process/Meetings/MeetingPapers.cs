using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Meetings;

/// <summary>What to do about the meeting's papers now.</summary>
public enum PapersDue
{
    /// <summary>Nothing: no meeting booked (or it was cancelled), it has begun, or nothing new came in.</summary>
    Nothing,

    /// <summary>The papers have not gone for the booked meeting.</summary>
    First,

    /// <summary>They went, and agency returns came in since: they go again, "updated".</summary>
    Updated,
}

/// <summary>
/// The meeting's papers (the collated chronology and the agencies' returns) go to its attendees at
/// the playbook's "papers" deadline, which each playbook anchors on the meeting with its seed's line
/// (e.g. Oldham one working day before, Salford 24 hours before). They go once per booked meeting,
/// again marked "updated" when returns arrive after them, and never for a cancelled meeting.
/// </summary>
public static class MeetingPapers
{
    /// <summary>The playbooks' deadline the papers meet.</summary>
    public const string DeadlineKey = "papers";

    public const string TimerKind = "meeting-papers";

    public static string TimerId(string caseCode) => $"{caseCode}:meeting-papers";

    /// <summary>
    /// When the papers go: at the deadline's own time when the playbook gives one (Gloucestershire's
    /// close of the day the Chair's chronology is due); otherwise at the start of the working day the
    /// deadline falls on, so attendees have that day to read them, or at the deadline itself when that
    /// is earlier (an hours rule such as "24 hours before"). Null without a booked meeting or a rule.
    /// </summary>
    public static DateTimeOffset? SendAt(Playbook playbook, CaseTimetable timetable, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(timetable);
        ArgumentNullException.ThrowIfNull(state);
        if (state.MeetingAt is null || state.MeetingEventId is null || timetable.Find(DeadlineKey) is not { } papers)
        {
            return null;
        }

        if (papers.Rule.Time is not null)
        {
            return papers.DueAt;
        }

        var dayStarts = WorkingDayCalendar.AtLondon(papers.DueDate, playbook.Clock.WorkingDayStarts);
        return dayStarts < papers.DueAt ? dayStarts : papers.DueAt;
    }

    /// <summary>Whether papers are owed now, given how many agency returns there are.</summary>
    public static PapersDue Due(CaseState state, int returnsNow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.MeetingEventId is null || state.MeetingAt is not { } meetingAt || meetingAt <= now || state.MeetingHeldAt is not null || state.IsClosed)
        {
            return PapersDue.Nothing;
        }

        if (state.MeetingPapersEventId != state.MeetingEventId)
        {
            return PapersDue.First;
        }

        return returnsNow > state.MeetingPapersReturns ? PapersDue.Updated : PapersDue.Nothing;
    }

    /// <summary>The email's subject: case code, meeting and date only.</summary>
    public static string Subject(Playbook playbook, string caseCode, DateTimeOffset meetingAt, bool updated) =>
        $"{(updated ? "Updated papers" : "Papers")} – {MeetingInvitation.MeetingName(playbook)} – {caseCode} – {BritishDates.Date(WorkingDayCalendar.LondonDate(meetingAt))}";

    /// <summary>The send-once key: the same booking with the same returns is one email, however often it is retried.</summary>
    public static string OnceKey(CaseState state, int returns)
    {
        ArgumentNullException.ThrowIfNull(state);
        return $"meeting-papers:{state.CaseCode}:{state.MeetingCancellations + 1}:{returns}";
    }

    /// <summary>The events that record the papers sent; the papers deadline is met the first time.</summary>
    public static IReadOnlyList<NewEvent> Record(Playbook playbook, CaseRules rules, CaseState state, MeetingPapersSent sent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sent);
        // Recorded already (a retry after the send), or for a meeting since cancelled: nothing more.
        if (state.MeetingEventId != sent.EventId || (state.MeetingPapersEventId == sent.EventId && state.MeetingPapersReturns >= sent.Returns))
        {
            return [];
        }

        var events = new List<NewEvent> { new(CaseEventTypes.MeetingPapersSent, CaseJson.Write(sent), now) };
        if (playbook.FindDeadline(DeadlineKey) is { CompletedBy: Milestones.Step } && !state.CompletedSteps.ContainsKey(DeadlineKey))
        {
            events.AddRange(rules.CompleteStep(state, DeadlineKey, sent.Actor, "The meeting papers were sent to the attendees.", now));
        }

        return events;
    }
}
