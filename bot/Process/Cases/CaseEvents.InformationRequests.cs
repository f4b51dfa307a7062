namespace TeamsReviewBot.Process.Cases;

/// <summary>The information requests' own events (AgenciesChosen, RequestSent…) are named in
/// <see cref="InformationRequests.RequestEventTypes"/>; this is the one the case stream adds.</summary>
public static partial class CaseEventTypes
{
    /// <summary>Events a previous version kept on a separate "{case code}.requests" stream were copied
    /// into the case stream, up to a sequence number of that stream.</summary>
    public const string RequestStreamCopied = "RequestStreamCopied";
}

/// <summary>The events of <paramref name="FromStream"/> up to <paramref name="ThroughSequence"/> are on the
/// case stream now, with their original times; copying again starts after it.</summary>
public sealed record RequestStreamCopied(string FromStream, long ThroughSequence, int Events);
