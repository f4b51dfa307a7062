using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Board;

/// <summary>The words a screen reader says for each thing on the board, and the PNG's caption. Days are
/// named as the case's own procedure names them (<see cref="WorkingDayNumbering.DayName"/>).</summary>
public static class BoardText
{
    public static string Row(BoardRow row) =>
        $"{row.CaseCode}, {row.PartnershipName}, {CaseStageNames.Describe(row.Stage)}, {WorkingDayNumbering.StartName(row.Clock)} {BritishDates.Date(row.DayZero)}";

    /// <summary>The row's second line: "Oldham · awaiting the panel's decision".</summary>
    public static string Label(BoardRow row)
    {
        var cut = row.PartnershipName.IndexOf(" Safeguarding", StringComparison.Ordinal);
        var shortName = cut > 0 ? row.PartnershipName[..cut] : row.PartnershipName;
        var text = $"{shortName} · {CaseStageNames.Describe(row.Stage)}";
        return text.Length <= 38 ? text : text[..37] + "…";
    }

    public static string Mark(BoardRow row, BoardMark mark)
    {
        var when = mark.State switch
        {
            MarkState.Done when mark.DoneAt is { } done => $"done {BritishDates.DateAndTime(done)}, was due {BritishDates.DateAndTime(mark.DueAt)}",
            MarkState.Overdue => $"overdue since {BritishDates.DateAndTime(mark.DueAt)}",
            MarkState.Conditional => $"due {BritishDates.DateAndTime(mark.DueAt)} only if decided",
            _ => $"due {BritishDates.DateAndTime(mark.DueAt)}",
        };
        var moved = mark.OriginalDueAt is { } original ? $"; moved from {BritishDates.DateAndTime(original)}" : string.Empty;
        return $"{row.CaseCode}: {mark.Name}, {when} ({WorkingDayNumbering.DayName(row.Clock, mark.DayNumber)}){moved}";
    }

    public static string Ghost(BoardRow row, BoardMark mark) =>
        $"{row.CaseCode}: {mark.Name} was originally due {BritishDates.DateAndTime(mark.OriginalDueAt!.Value)}, moved to {BritishDates.DateAndTime(mark.DueAt)}";

    public static string Window(BoardRow row, BoardWindow window)
    {
        var booked = window.BookedAt is { } at ? $"; booked for {BritishDates.DateAndTime(at)}" : string.Empty;
        return $"{row.CaseCode}: {window.Name}, {BoardPalette.Word(window.Kind)} {BritishDates.Date(window.From)} to {BritishDates.Date(window.To)}{booked}";
    }

    public static string Today(DateOnly today) => $"Today, {BritishDates.Date(today)}";

    public static string Later(BoardRow row) => row.Later.Count == 0
        ? string.Empty
        : "Later: " + string.Join("; ", row.Later.Select(m => $"{m.Name} {BritishDates.Date(m.Date)}"));

    public static string Summary(BoardPicture picture)
    {
        var overdue = picture.Rows.Count(r => r.Marks.Concat(r.Later).Any(m => m.State == MarkState.Overdue));
        return picture.Rows.Count == 0
            ? $"No open cases to show on {BritishDates.Date(picture.Today)}."
            : $"{picture.Rows.Count} open case{(picture.Rows.Count == 1 ? string.Empty : "s")}, {overdue} with an overdue deadline, from {BritishDates.Date(picture.From)} to {BritishDates.Date(picture.To)}; today is {BritishDates.Date(picture.Today)}.";
    }
}
