using System.Text;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Cards;

/// <summary>A timetable as an adaptive card and as plain text: every deadline with its working day,
/// date, weekday and time, the British way; for a case, what is done, due and overdue. Never a
/// child's details: the case code, partnership, stage and dates only.</summary>
public static class TimetableCard
{
    public sealed record Row(string Day, string Name, string When, string? Status);

    public static (JsonObject Card, string Text) ForReferral(CaseTimetable timetable)
    {
        var rows = timetable.For(null).Select(e => new Row(DayLabel(e), e.Name + (e.IsConditional ? $" ({e.Rule.Condition})" : string.Empty), When(e), null)).ToList();
        var title = $"Timetable: {timetable.Playbook.Name}";
        var intro = $"A referral received {BritishDates.DateAndTime(timetable.ReceivedAt)} has Day 0 on {BritishDates.Date(timetable.DayZero)}. "
            + "If it goes to Rapid Review, these are its deadlines (working days exclude weekends and bank holidays in England and Wales):";
        return Build(title, intro, rows);
    }

    public static (JsonObject Card, string Text) ForCase(CaseState state, CaseTimetable timetable, IReadOnlyList<CaseDeadline> deadlines)
    {
        var rows = deadlines.Select(d => new Row(DayLabel(d.Entry), d.Entry.Name, When(d.Entry), Status(d))).ToList();
        var title = $"Timetable: case {state.CaseCode}";
        var intro = $"{timetable.Playbook.Name}. Received {BritishDates.DateAndTime(state.ReceivedAt)}; Day 0 is {BritishDates.Date(state.DayZero)}. The case is {CaseStageNames.Describe(state.Stage)}.";
        return Build(title, intro, rows);
    }

    private static (JsonObject, string) Build(string title, string intro, IReadOnlyList<Row> rows)
    {
        var facts = rows.Select(r => ($"{r.Day} · {r.Name}", r.Status is null ? r.When : $"{r.When} — {r.Status}"));
        var card = AdaptiveCard.Create(
        [
            AdaptiveCard.Heading(title),
            AdaptiveCard.Text(intro, subtle: true),
            AdaptiveCard.Facts(facts),
        ]);

        var text = new StringBuilder().AppendLine(title).AppendLine(intro);
        foreach (var r in rows)
        {
            text.AppendLine(r.Status is null ? $"- {r.Day}: {r.Name} — {r.When}" : $"- {r.Day}: {r.Name} — {r.When} — {r.Status}");
        }

        return (card, text.ToString().TrimEnd());
    }

    private static string DayLabel(TimetableEntry e)
    {
        var earliest = e.EarliestDate is { } first && first != e.DueDate ? $"{e.DayNumber - CountBack(e)}–" : string.Empty;
        return $"Day {earliest}{e.DayNumber}";
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
