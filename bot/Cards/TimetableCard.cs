using System.Text;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Submission;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Cards;

/// <summary>A timetable as an adaptive card and as plain text: every deadline with its working day,
/// date, weekday and time, the British way; for a case, what is done, due and overdue. Never a
/// child's details: the case code, partnership, stage and dates only.</summary>
public static class TimetableCard
{
    private sealed record Row(string Day, string Name, string When, string? Status);

    /// <summary>The deadlines a referral received then would get, on the Rapid Review route.</summary>
    public static JsonObject ForReferral(CaseTimetable timetable) => Card(ReferralView(timetable));

    public static string ReferralText(CaseTimetable timetable) => Text(ReferralView(timetable));

    /// <summary>A case's own deadlines with what is done, due and overdue.</summary>
    public static JsonObject ForCase(CaseState state, CaseTimetable timetable, IReadOnlyList<CaseDeadline> deadlines) => Card(CaseView(state, timetable, deadlines));

    public static string CaseText(CaseState state, CaseTimetable timetable, IReadOnlyList<CaseDeadline> deadlines) => Text(CaseView(state, timetable, deadlines));

    private sealed record View(string Title, string Intro, IReadOnlyList<Row> Rows);

    private static View ReferralView(CaseTimetable timetable) => new(
        $"Timetable: {timetable.Playbook.Name}",
        $"A referral received {BritishDates.DateAndTime(timetable.ReceivedAt)} has {WorkingDayNumbering.StartName(timetable.Playbook.Clock)} on {BritishDates.Date(timetable.DayZero)}. "
            + "If it goes to Rapid Review, these are its deadlines (working days exclude weekends and bank holidays in England and Wales):",
        [.. timetable.For(null).Select(e => new Row(DayLabel(timetable, e), e.Name + (e.IsConditional ? $" ({e.Rule.Condition})" : string.Empty), When(e), null))]);

    private static View CaseView(CaseState state, CaseTimetable timetable, IReadOnlyList<CaseDeadline> deadlines) => new(
        $"Timetable: case {state.CaseCode}",
        $"{timetable.Playbook.Name}. Received {BritishDates.DateAndTime(state.ReceivedAt)}; {WorkingDayNumbering.DescribeStart(timetable.Playbook.Clock, state.DayZero)}. The case is {CaseStageNames.Describe(state.Stage)}." + BookedMeeting(state) + SubmittedTo(state) + PanelDateFirst(state, timetable),
        [.. deadlines.Select(d => new Row(DayLabel(timetable, d.Entry), d.Entry.Name, When(d.Entry), Status(d)))]);

    /// <summary>When and in which email the report reached the National Panel (the message id finds it in the mailbox).</summary>
    private static string SubmittedTo(CaseState state) => state.Submission is { } done
        ? $" Submitted on {BritishDates.DateAndTime(done.At)} to {done.To}" + (done.MessageId is { } id ? $" (message id {id})." : ".")
        : string.Empty;

    /// <summary>The National Panel's expected response date, when it comes before the case's own submission deadline (seed-004 L130).</summary>
    private static string PanelDateFirst(CaseState state, CaseTimetable timetable) =>
        PanelDateRules.Earlier(timetable.Playbook, state, timetable) is { } earlier ? " Note: " + PanelDateRules.Describe(earlier) : string.Empty;

    /// <summary>The booked meeting's time and Teams link, which the deadlines after it follow, and the
    /// decision makers' sign-off slot after it where one is booked.</summary>
    private static string BookedMeeting(CaseState state) => state.MeetingAt is { } at && state.MeetingHeldAt is null
        ? $" The meeting is booked for {BritishDates.DateAndTime(at)}" + (state.MeetingJoinUrl is { } joinUrl ? $" (Teams: {joinUrl})." : ".") + SignOffSlot(state)
        : string.Empty;

    private static string SignOffSlot(CaseState state) => state.SignOffSlot is { } slot && slot.MeetingAt == state.MeetingAt && state.SignedOffAt is null
        ? $" The decision makers' sign-off slot is booked for {BritishDates.DateAndTime(slot.Start)} ({slot.Free} of {slot.Invited} known to be free then)."
        : string.Empty;

    private static JsonObject Card(View view) => AdaptiveCard.Create(
    [
        AdaptiveCard.Heading(view.Title),
        AdaptiveCard.Text(view.Intro, subtle: true),
        AdaptiveCard.Facts(view.Rows.Select(r => ($"{r.Day} · {r.Name}", r.Status is null ? r.When : $"{r.When} — {r.Status}"))),
    ]);

    private static string Text(View view)
    {
        var text = new StringBuilder().AppendLine(view.Title).AppendLine(view.Intro);
        foreach (var r in view.Rows)
        {
            text.AppendLine(r.Status is null ? $"- {r.Day}: {r.Name} — {r.When}" : $"- {r.Day}: {r.Name} — {r.When} — {r.Status}");
        }

        return text.ToString().TrimEnd();
    }

    // The deadline's day (or window of days) as the partnership's procedure names it: "Day 13–14", "Working days 13–14".
    private static string DayLabel(CaseTimetable timetable, TimetableEntry e)
    {
        var first = e.EarliestDate is { } earliest && earliest != e.DueDate ? e.DayNumber - CountBack(e) : e.DayNumber;
        return WorkingDayNumbering.AsHeading(WorkingDayNumbering.DaysName(timetable.Playbook.Clock, first, e.DayNumber));
    }

    // The window's first day as a day number: the difference in days between its dates counted in working days.
    private static int CountBack(TimetableEntry e) =>
        e.EarliestDate is { } first ? WorkingDayCalendar.Default.WorkingDaysBetween(first, e.DueDate) : 0;

    private static string When(TimetableEntry e)
    {
        var due = e.HasTimeOfDay ? BritishDates.DateAndTime(e.DueAt) : $"{BritishDates.Date(e.DueDate)}, end of day";
        var from = e.EarliestDate is { } first && first != e.DueDate ? $"from {BritishDates.Date(first)} to " : string.Empty;
        var moved = e.OriginalDueAt is { } original ? $" (moved from {BritishDates.DateAndTime(original)})" : string.Empty;
        return from + due + moved;
    }

    private static string Status(CaseDeadline d) => d.Status switch
    {
        DeadlineStatus.Done => $"done {BritishDates.DateAndTime(d.DoneAt!.Value)}",
        DeadlineStatus.Overdue => "overdue",
        DeadlineStatus.Conditional => $"only {d.Entry.Rule.Condition}",
        _ => "due",
    };
}
