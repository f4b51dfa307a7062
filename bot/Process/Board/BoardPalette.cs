namespace TeamsReviewBot.Process.Board;

/// <summary>
/// The board's colours and shapes. Each state has its own shape as well as its own colour, so the
/// picture reads without colour vision; the colours keep at least 4.5:1 contrast on white.
/// </summary>
public static class BoardPalette
{
    public const string Background = "#ffffff";
    public const string Text = "#242424";
    public const string MutedText = "#616161";
    public const string GridLine = "#e0e0e0";
    public const string Weekend = "#f0f0f0";
    public const string BankHoliday = "#fbeed5";
    public const string Today = "#6b2fa3";
    public const string MeetingWindow = "#bcd7f2";
    public const string SignOffWindow = "#d9c8ec";

    public static string Colour(MarkState state) => state switch
    {
        MarkState.Done => "#2e7d32",
        MarkState.Due => "#1f5fa8",
        MarkState.Overdue => "#c62828",
        MarkState.Moved => "#a15c00",
        _ => "#757575",
    };

    /// <summary>How the state is said in words: legends and text alternatives.</summary>
    public static string Word(MarkState state) => state switch
    {
        MarkState.Done => "done",
        MarkState.Due => "due",
        MarkState.Overdue => "overdue",
        MarkState.Moved => "moved",
        _ => "only if decided",
    };

    public static string Shape(MarkState state) => state switch
    {
        MarkState.Done => "circle",
        MarkState.Overdue => "square",
        _ => "diamond",
    };

    public static string Word(WindowKind kind) => kind == WindowKind.Meeting ? "meeting window" : "sign-off window";

    public static string Colour(WindowKind kind) => kind == WindowKind.Meeting ? MeetingWindow : SignOffWindow;
}
