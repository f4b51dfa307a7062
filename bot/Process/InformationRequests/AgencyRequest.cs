using System.Collections.Immutable;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>One agency's request on a case, as its events have left it.</summary>
public sealed record AgencyRequest
{
    public required AgencyContact Agency { get; init; }

    public RequestStatus Status { get; init; } = RequestStatus.Planned;

    public DateOnly DueOn { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public ImmutableList<SentMessage> Messages { get; init; } = [];

    public ImmutableList<ReplyRecorded> Replies { get; init; } = [];

    public int Chasers { get; init; }

    public bool IsOpen => !Status.IsClosed();

    /// <summary>Returns carrying documents: what collation reads.</summary>
    public IEnumerable<ReplyRecorded> Returns => Replies.Where(r => r.Kind == ReplyKind.Return);
}
