using System.Collections.Immutable;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>
/// All the information requests of one case: which agencies, when they go out and fall due, and
/// where each stands. Immutable; <see cref="RequestBookFold"/> builds it from the case stream's request events.
/// </summary>
public sealed record RequestBook
{
    public required string StreamId { get; init; }

    public string? CaseCode { get; init; }

    public string? Partnership { get; init; }

    public DateOnly? SendOn { get; init; }

    public DateOnly? DueOn { get; init; }

    /// <summary>How the letters identify the child (initials and date of birth). Goes into letters only: never a log or a channel.</summary>
    public string? ChildReference { get; init; }

    public ImmutableDictionary<string, AgencyRequest> Requests { get; init; } =
        ImmutableDictionary.Create<string, AgencyRequest>(StringComparer.OrdinalIgnoreCase);

    /// <summary>internetMessageIds of replies already recorded: a redelivered message is recorded once.</summary>
    public ImmutableHashSet<string> SeenReplies { get; init; } = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Timers whose work is done (chasers, overdue marks): a timer firing twice acts once.</summary>
    public ImmutableHashSet<string> DoneTimers { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public ChronologyCollated? Collated { get; init; }

    /// <summary>Where the return card sits in the case's channel thread, once posted.</summary>
    public ReturnCardPosted? ReturnCard { get; init; }

    /// <summary>Where a previous version kept a case's requests, apart from the case stream.</summary>
    public static string OldStreamIdFor(string caseCode) => caseCode.Trim().ToUpperInvariant() + OldStreamSuffix;

    public const string OldStreamSuffix = ".requests";

    /// <summary>How far the events of the old "{case code}.requests" stream are copied into the case stream.</summary>
    public long OldStreamCopiedThrough { get; init; }

    public AgencyRequest? Find(string agency) => Requests.GetValueOrDefault(agency);

    public IEnumerable<AgencyRequest> InOrder => Requests.Values.OrderBy(r => r.Agency.Name, StringComparer.OrdinalIgnoreCase);

    public bool AllClosed => Requests.Count > 0 && Requests.Values.All(r => !r.IsOpen);

    /// <summary>What the reply matcher knows of this case's requests.</summary>
    public IEnumerable<RequestIdentity> Identities =>
        CaseCode is null
            ? []
            : Requests.Values.Where(r => r.Status != RequestStatus.Planned)
                .Select(r => new RequestIdentity(CaseCode, r.Agency.Name, r.Agency.Addresses, r.Messages, r.IsOpen, r.Agency.ReplyDomains));
}
