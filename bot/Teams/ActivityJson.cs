using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsReviewBot.Teams;

/// <summary>The one set of JSON options for the Bot Framework wire format: camelCase, nulls omitted.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
