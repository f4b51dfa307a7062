namespace TeamsReviewBot.Process.Board;

/// <summary>
/// Where things go on the board, shared by the SVG and the PNG so both draw the same picture: a
/// label column, one column per calendar day, one band per case, marks centred in their day.
/// </summary>
public sealed class BoardLayout(BoardPicture picture)
{
    public const double LabelWidth = 200;
    public const double DayWidth = 22;
    public const double HeaderHeight = 52;
    public const double RowHeight = 42;
    public const double FooterHeight = 34;
    public const double MarkSize = 7;

    public BoardPicture Picture => picture;

    public double Width => LabelWidth + (picture.Days.Count * DayWidth) + 8;

    public double Height => HeaderHeight + (Math.Max(1, picture.Rows.Count) * RowHeight) + FooterHeight;

    public double GridBottom => HeaderHeight + (Math.Max(1, picture.Rows.Count) * RowHeight);

    public double DayLeft(DateOnly date) => LabelWidth + (picture.ColumnOf(date) * DayWidth);

    public double DayCentre(DateOnly date) => DayLeft(date) + (DayWidth / 2);

    public double RowTop(int row) => HeaderHeight + (row * RowHeight);

    /// <summary>The centre line of a row's marks; marks on the same day stack around it.</summary>
    public double MarkY(int row, int stacked, int ofOnDay) => RowTop(row) + 17 + ((stacked - ((ofOnDay - 1) / 2.0)) * 9);

    /// <summary>The window bars sit along the bottom of the row, under the marks.</summary>
    public double WindowY(int row) => RowTop(row) + RowHeight - 11;
}
