using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

public sealed partial class CaseFold
{
    private static readonly RequestBookFold RequestFold = new();

    /// <summary>The requests' events fold as they always did, now into the case's own state.</summary>
    private static CaseState InformationRequests(CaseState state, StoredEvent stored)
    {
        if (stored.Type == CaseEventTypes.RequestStreamCopied)
        {
            var copied = CaseJson.Read<RequestStreamCopied>(stored.Data);
            return state with { Requests = state.Requests with { OldStreamCopiedThrough = Math.Max(state.Requests.OldStreamCopiedThrough, copied.ThroughSequence) } };
        }

        var book = RequestFold.Apply(state.Requests, stored);
        return ReferenceEquals(book, state.Requests) ? state : state with { Requests = book };
    }
}
