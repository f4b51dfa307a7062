using System.Collections.Immutable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>One reply from the National Panel, as recorded on the case.</summary>
public sealed record PanelReplyRecord(string InternetMessageId, string From, DateTimeOffset ReceivedAt, string Subject, string MatchedBy, DateTimeOffset RecordedAt);

/// <summary>What the National Panel answered after the submission.</summary>
public sealed partial record CaseState
{
    /// <summary>The Panel's replies, in the order they were recorded.</summary>
    public ImmutableList<PanelReplyRecord> PanelReplies { get; init; } = [];
}
