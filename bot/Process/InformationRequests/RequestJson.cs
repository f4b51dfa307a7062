using System.Text.Json;
using System.Text.Json.Serialization;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>How request events are written into and read from the stream.</summary>
public static class RequestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static NewEvent Event<T>(string type, T data, DateTimeOffset at) => new(type, JsonSerializer.Serialize(data, Options), at);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"An event of type {typeof(T).Name} held null.");
}
