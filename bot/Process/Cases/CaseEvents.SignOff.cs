namespace TeamsReviewBot.Process.Cases;

/// <summary>The sign-off stage's reminders, escalation and the panel's comments on the report.</summary>
public static partial class CaseEventTypes
{
    public const string SignOffReminderSent = "SignOffReminderSent";
    public const string SignOffEscalated = "SignOffEscalated";
    public const string ReportCommentAdded = "ReportCommentAdded";
    public const string ReportVersionAnnounced = "ReportVersionAnnounced";
}

/// <summary>A panel member's comment on a report version. The text may carry the child's details: it
/// stays on the case and in personal views; the thread shows only who commented and when. A comment
/// given as a reply in the thread is sealed with the case's key as the record <paramref name="Sealed"/>
/// and its <paramref name="Text"/> here is empty.</summary>
public sealed record ReportCommentAdded(int Version, string Text, string Via, Actor Actor, string Reason, string? Sealed = null);

/// <summary>A report version was posted in the case's thread (<paramref name="MessageId"/>, when Teams
/// gave one, is the card updated as comments arrive) and, when it replaced an earlier one, the
/// signing partners were sent the card for it.</summary>
public sealed record ReportVersionAnnounced(int Version, string? MessageId, IReadOnlyList<string> SignOffCardsTo, Actor Actor, string Reason);

/// <summary>The seats still to answer were reminded before the sign-off deadline (<paramref name="TimerId"/>
/// keys it: a timer firing twice reminds once).</summary>
public sealed record SignOffReminderSent(string TimerId, IReadOnlyList<string> Seats, int Version, DateTimeOffset DeadlineAt, Actor Actor, string Reason);

/// <summary>The sign-off deadline passed without the playbook's rule met: the chair and the business
/// managers are told, once, with what was missing.</summary>
public sealed record SignOffEscalated(string TimerId, DateTimeOffset DeadlineAt, IReadOnlyList<string> MissingSeats, string Explanation, Actor Actor, string Reason);
