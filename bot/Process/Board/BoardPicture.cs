using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Board;

/// <summary>How a deadline stands on the board.</summary>
public enum MarkState
{
    Done,
    Due,
    Overdue,

    /// <summary>Moved by a business manager and not yet done or overdue; the original date is drawn ghosted.</summary>
    Moved,

    /// <summary>Applies only if something later is decided; shown, not chased.</summary>
    Conditional,
}

/// <summary>One deadline of a case as the board draws it.</summary>
public sealed record BoardMark(
    string Key,
    string Name,
    DateOnly Date,
    DateTimeOffset DueAt,
    MarkState State,
    int DayNumber,
    DateOnly? OriginalDate,
    DateTimeOffset? OriginalDueAt,
    DateTimeOffset? DoneAt);

/// <summary>What a window bar stands for.</summary>
public enum WindowKind
{
    Meeting,
    SignOff,
}

/// <summary>A deadline's window (its first to its last day), drawn as a bar: the meeting's and sign-off's.
/// <paramref name="BookedAt"/> is when the meeting is booked for, if it is.</summary>
public sealed record BoardWindow(WindowKind Kind, string Name, DateOnly From, DateOnly To, DateTimeOffset? BookedAt);

/// <summary>One open case's row: its code (never a child's details), partnership, stage, Day 0, the
/// deadlines drawn on the axis and those too far beyond it to draw (listed in words). The playbook's
/// <paramref name="Clock"/> says how its procedure names the days (<see cref="TeamsReviewBot.Process.Timetable.WorkingDayNumbering"/>).</summary>
public sealed record BoardRow(
    string CaseCode,
    string Partnership,
    string PartnershipName,
    ClockRule Clock,
    CaseStage Stage,
    DateOnly DayZero,
    IReadOnlyList<BoardMark> Marks,
    IReadOnlyList<BoardWindow> Windows,
    IReadOnlyList<BoardMark> Later);

/// <summary>One calendar day of the axis: working days are columns to count, weekends and bank holidays are shaded.</summary>
public sealed record BoardDay(DateOnly Date, bool IsWorkingDay, string? HolidayName);

/// <summary>The whole board at one moment: the days from the earliest Day 0 to the last deadline drawn, today, and the rows.</summary>
public sealed record BoardPicture(DateTimeOffset Now, DateOnly Today, IReadOnlyList<BoardDay> Days, IReadOnlyList<BoardRow> Rows)
{
    public DateOnly From => Days[0].Date;

    public DateOnly To => Days[^1].Date;

    /// <summary>The column of <paramref name="date"/>: 0 for the first day of the axis.</summary>
    public int ColumnOf(DateOnly date) => date.DayNumber - From.DayNumber;
}
