using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Process.Cases;

public sealed partial record CaseState
{
    /// <summary>The case's information requests: which agencies, where each stands, what came back.</summary>
    public RequestBook Requests { get; init; } = new() { StreamId = string.Empty };
}
