using System.Text.Json;

namespace TeamsReviewBot.Process.Cases;

/// <summary>How case events are written into and read from the stream.</summary>
public static class CaseJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T data) => JsonSerializer.Serialize(data, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"An event of type {typeof(T).Name} held null.");
}
