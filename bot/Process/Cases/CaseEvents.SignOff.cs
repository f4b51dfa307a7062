namespace TeamsReviewBot.Process.Cases;

/// <summary>The sign-off stage's reminders, escalation and the panel's comments on the report.</summary>
public static partial class CaseEventTypes
{
    public const string SignOffReminderSent = "SignOffReminderSent";
    public const string SignOffEscalated = "SignOffEscalated";
}

/// <summary>The seats still to answer were reminded before the sign-off deadline (<paramref name="TimerId"/>
/// keys it: a timer firing twice reminds once).</summary>
public sealed record SignOffReminderSent(string TimerId, IReadOnlyList<string> Seats, int Version, DateTimeOffset DeadlineAt, Actor Actor, string Reason);

/// <summary>The sign-off deadline passed without the playbook's rule met: the chair and the business
/// managers are told, once, with what was missing.</summary>
public sealed record SignOffEscalated(string TimerId, DateTimeOffset DeadlineAt, IReadOnlyList<string> MissingSeats, string Explanation, Actor Actor, string Reason);
