using System.Text.Json.Nodes;

namespace TeamsReviewBot.Teams;

/// <summary>What the HTTP request that carried an activity is answered with. Messages are answered
/// 200 with no body (replies go through the connector); invokes carry their response in the body.</summary>
public sealed record ActivityResult(int StatusCode, JsonNode? Body = null)
{
    public static ActivityResult Accepted { get; } = new(200);
}
