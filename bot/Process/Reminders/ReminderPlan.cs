namespace TeamsReviewBot.Process.Reminders;

/// <summary>The kinds of prompt a deadline gets.</summary>
public static class ReminderKinds
{
    /// <summary>Ahead of the deadline (by default one working day before).</summary>
    public const string Before = "before";

    /// <summary>On the morning of the day it is due.</summary>
    public const string OnTheDay = "on-the-day";

    /// <summary>One of the playbook's extra countdown reminders on the deadline's day (e.g. Oldham's 2 pm before the 4 pm submission).</summary>
    public const string Countdown = "countdown";

    /// <summary>When it passes undone: escalated to the business managers.</summary>
    public const string Missed = "missed";
}

/// <summary>One prompt to give: which deadline, which kind, when, and a stable id so scheduling it
/// again replaces it and firing it twice does nothing the second time.</summary>
public sealed record ReminderPlan(string Id, string CaseCode, string Deadline, string DeadlineName, string Kind, DateTimeOffset FireAt, DateTimeOffset DueAt, string CompletedBy)
{
    /// <summary>The id carries the due instant: a moved deadline gets new reminders, a given one stays given.</summary>
    public static string IdFor(string caseCode, string deadline, string kind, DateTimeOffset dueAt) =>
        $"{caseCode}:{deadline}:{kind}:{dueAt.UtcTicks}";
}

/// <summary>How early the "before" reminder comes, in working days.</summary>
public sealed record ReminderOptions(int WorkingDaysBefore = 1);
