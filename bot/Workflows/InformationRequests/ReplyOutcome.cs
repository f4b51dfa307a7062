using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Workflows.InformationRequests;

/// <summary>What became of an incoming email.</summary>
public abstract record ReplyOutcome
{
    /// <summary>Recorded on the request it answers, by <paramref name="Rule"/>, as <paramref name="Kind"/>.</summary>
    public sealed record Recorded(string CaseCode, string Agency, MatchRule Rule, ReplyKind Kind, IReadOnlyList<ReplyAttachment> Attachments, RequestBook Book) : ReplyOutcome;

    /// <summary>Seen before (a redelivered notification): nothing done.</summary>
    public sealed record AlreadyRecorded(string CaseCode) : ReplyOutcome;

    /// <summary>No rule placed it; the caller shows it to the business managers, with why.</summary>
    public sealed record Unmatched(string Why) : ReplyOutcome;
}
