using TeamsReviewBot.Process.Calendar;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>The clock's work on a case's requests.</summary>
public static class RequestTimerKinds
{
    /// <summary>Send the planned requests (when <see cref="RequestSendMoment"/> says: at once, or at the start of the send day).</summary>
    public const string Send = "requests.send";

    /// <summary>Chase every agency with nothing back: one working day before the deadline, and on the day.</summary>
    public const string Chase = "requests.chase";

    /// <summary>The deadline has passed: open requests become overdue and the business managers are told.</summary>
    public const string Overdue = "requests.overdue";

    /// <summary>Merge the returned chronologies (the working day after returns are due, if not done before).</summary>
    public const string Collate = "requests.collate";
}

/// <summary>One piece of the clock's work: a stable id (so scheduling again replaces it), its kind and when.</summary>
public sealed record RequestTimer(string Id, string Kind, DateTimeOffset FireAt, bool DueToday = false);

/// <summary>
/// When a case's request work happens, from the playbook's dates and the working-day clock:
/// requests go out at their <see cref="RequestSendMoment"/> (at once, or at the start of the send day); chasers at the
/// start of the working day before the deadline and of the deadline day; the deadline passes at
/// the end of its working day, when open requests become overdue; collation follows at the start of
/// the next working day. Moments already past when planned are left out, except sending.
/// </summary>
public static class RequestTimetable
{
    public static string Id(string caseCode, string what) => $"{caseCode.ToUpperInvariant()}:requests:{what}";

    public static RequestTimer SendTimer(string caseCode, RequestSendMoment moment)
    {
        ArgumentNullException.ThrowIfNull(moment);
        return new RequestTimer(Id(caseCode, "send"), RequestTimerKinds.Send, moment.At);
    }

    public static IReadOnlyList<RequestTimer> AfterSending(
        WorkingDayCalendar calendar,
        string caseCode,
        DateOnly dueOn,
        TimeOnly workingDayStarts,
        TimeOnly workingDayEnds,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var timers = new List<RequestTimer>
        {
            new(Id(caseCode, "chase-before"), RequestTimerKinds.Chase, WorkingDayCalendar.AtLondon(calendar.AddWorkingDays(dueOn, -1), workingDayStarts)),
            new(Id(caseCode, "chase-due"), RequestTimerKinds.Chase, WorkingDayCalendar.AtLondon(dueOn, workingDayStarts), DueToday: true),
            new(Id(caseCode, "overdue"), RequestTimerKinds.Overdue, WorkingDayCalendar.AtLondon(dueOn, workingDayEnds)),
            new(Id(caseCode, "collate"), RequestTimerKinds.Collate, WorkingDayCalendar.AtLondon(calendar.NextWorkingDay(dueOn), workingDayStarts)),
        };
        return [.. timers.Where(t => t.FireAt > now)];
    }
}
