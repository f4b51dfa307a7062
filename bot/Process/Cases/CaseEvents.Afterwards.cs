namespace TeamsReviewBot.Process.Cases;

/// <summary>The events of a case's life after the submission: letters, lesson logs, erasure.</summary>
public static partial class CaseEventTypes
{
    public const string OutcomeLettersPlanned = "OutcomeLettersPlanned";
    public const string OutcomeLetterSent = "OutcomeLetterSent";
    public const string LessonLogsRequested = "LessonLogsRequested";
    public const string LessonLogReturned = "LessonLogReturned";
    public const string ChildDetailsErased = "ChildDetailsErased";
}

/// <summary>Who an outcome letter goes to: <paramref name="Key"/> is "referrer" or "agency:‹name›".</summary>
public sealed record LetterRecipient(string Key, string Name, IReadOnlyList<string> Addresses);

/// <summary>Who gets none, and why (an agency that held no records has nothing to be told).</summary>
public sealed record LetterWithheld(string Name, string Why);

/// <summary>The outcome letters the seed asks for, decided once when the afterwards steps start.</summary>
public sealed record OutcomeLettersPlanned(IReadOnlyList<LetterRecipient> Recipients, IReadOnlyList<LetterWithheld> Withheld, Actor Actor, string Reason);

/// <summary>One outcome letter went out from the partnership mailbox (draft then send).</summary>
public sealed record OutcomeLetterSent(string Recipient, IReadOnlyList<string> To, string? MessageId, Actor Actor, string Reason);

/// <summary>The lesson log was asked of each agency that took part, due <paramref name="DueAt"/>.</summary>
public sealed record LessonLogsRequested(IReadOnlyList<LetterRecipient> Agencies, DateTimeOffset DueAt, Actor Actor, string Reason);

/// <summary>An agency's lesson log came back: the message is named by its id, never its contents.</summary>
public sealed record LessonLogReturned(string Agency, string MessageId, Actor Actor, string Reason);

/// <summary>The retention period passed: the child's sealed details and the case's files were
/// erased; the events (which never hold them) stay as the audit trail.</summary>
public sealed record ChildDetailsErased(int RecordsErased, Actor Actor, string Reason);
