namespace TeamsReviewBot.Process.Decisions;

/// <summary>One seat's vote: the outcome it chose, whether a deputy cast it for the seat, and when.</summary>
public sealed record Vote(string Seat, string Outcome, bool ByDeputy, DateTimeOffset At);
