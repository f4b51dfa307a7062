namespace TeamsReviewBot.Process.Calendar;

/// <summary>A bank holiday in England and Wales: its date and the name it is published under.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);
