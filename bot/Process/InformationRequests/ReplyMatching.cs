namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>Which rule tied a reply to a request; recorded on the case so a person can see why.</summary>
public enum MatchRule
{
    /// <summary>In-Reply-To names a message we sent.</summary>
    InReplyTo,

    /// <summary>References names a message we sent.</summary>
    References,

    /// <summary>The case code appears in the subject and the sender may speak for one of the case's agencies.</summary>
    CaseCodeInSubject,

    /// <summary>The conversationId is that of a message we sent (unreliable alone, so it comes late).</summary>
    ConversationId,

    /// <summary>The sender's address is a lead or deputy of exactly one open request.</summary>
    SenderAddress,

    /// <summary>The sender's domain is one the directory accepts replies from for exactly one open request's agency.</summary>
    SenderDomain,

    /// <summary>No rule placed it: a business manager chose the case and agency (from Outlook).</summary>
    ChosenByPerson,
}

/// <summary>A message we sent for a request (the request itself or a chaser), as Graph knows it.</summary>
public sealed record SentMessage(string InternetMessageId, string? ConversationId, string Purpose, DateTimeOffset SentAt);

/// <summary>What the matcher needs to know of one request. <paramref name="Addresses"/> are the agency's
/// leads and deputies; <paramref name="ReplyDomains"/> the domains the directory says anyone may answer from.</summary>
public sealed record RequestIdentity(
    string CaseCode,
    string Agency,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<SentMessage> Messages,
    bool IsOpen,
    IReadOnlyList<string>? ReplyDomains = null);

/// <summary>What the matcher reads from an incoming message.</summary>
public sealed record IncomingMessage(
    string InternetMessageId,
    string Subject,
    string? FromAddress,
    string? InReplyTo,
    string? References,
    string? ConversationId);

/// <summary>
/// The outcome of matching: the request it belongs to and why, or why it could not be placed.
/// <paramref name="RefusedFor"/> is the request the message answers by its threading when its sender
/// may not speak for that agency: it is not the agency's return, and a person must look at it.
/// </summary>
public sealed record ReplyMatch(RequestIdentity? Request, MatchRule? Rule, string Explanation, RequestIdentity? RefusedFor = null)
{
    public bool IsMatched => Request is not null;
}
