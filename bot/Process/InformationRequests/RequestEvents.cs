namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// The events of a case's information-request stream ("{case code}.requests"). Each says who and
/// why where a person acted; the clock's own acts name the timer that fired, so each happens once.
/// </summary>
public static class RequestEventTypes
{
    public const string AgenciesChosen = "AgenciesChosen";
    public const string RequestSent = "RequestSent";
    public const string ChaserSent = "ChaserSent";
    public const string ReplyRecorded = "ReplyRecorded";
    public const string RequestOverdue = "RequestOverdue";
    public const string ChronologyCollated = "ChronologyCollated";
    public const string ReturnCardPosted = "ReturnCardPosted";
}

/// <summary>An agency as it stood in the directory when it was chosen for the case, and who may answer
/// for it: its leads and deputies, and anyone at <paramref name="ReplyDomains"/> when the directory
/// names such domains (none by default).</summary>
public sealed record AgencyContact(string Name, string Kind, IReadOnlyList<string> Leads, IReadOnlyList<string> Deputies, IReadOnlyList<string>? ReplyDomains = null)
{
    public IReadOnlyList<string> Addresses => [.. Leads.Concat(Deputies).Distinct(StringComparer.OrdinalIgnoreCase)];
}

public sealed record AgenciesChosen(
    string CaseCode,
    string Partnership,
    IReadOnlyList<AgencyContact> Agencies,
    DateOnly SendOn,
    DateOnly DueOn,
    string ChosenById,
    string ChosenByName,
    string Reason,
    string? ChildReference = null);

public sealed record RequestSent(string Agency, IReadOnlyList<string> To, SentMessage Message, string GraphId, IReadOnlyList<string> Attachments, DateOnly DueOn);

/// <summary><paramref name="TimerId"/> is the timer that sent it, so a repeat firing sends nothing.</summary>
public sealed record ChaserSent(string Agency, string TimerId, SentMessage Message);

/// <summary>A stored attachment of a reply: accepted (and stored under <paramref name="StoredAs"/>) or refused with the reason.</summary>
public sealed record ReplyAttachment(string Name, string ContentType, long Size, bool Accepted, string? RefusedBecause, string? StoredAs);

public sealed record ReplyRecorded(
    string Agency,
    string InternetMessageId,
    string? GraphId,
    string? FromAddress,
    DateTimeOffset ReceivedAt,
    MatchRule Rule,
    ReplyKind Kind,
    IReadOnlyList<ReplyAttachment> Attachments);

public sealed record RequestOverdue(string Agency, string TimerId, DateOnly DueOn);

/// <summary>The agencies' chronologies were merged: how many rows from how many returns.</summary>
public sealed record ChronologyCollated(int Rows, int Returns, string StoredAs, string Reason);

/// <summary>The return card was posted as a reply in the case's channel thread: later changes edit that message.</summary>
public sealed record ReturnCardPosted(string ThreadId, string MessageId);
