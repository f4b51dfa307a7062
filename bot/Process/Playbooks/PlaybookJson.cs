using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsReviewBot.Process.Playbooks;

/// <summary>How playbook files are read: camelCase names, kebab-case enum values, times as "16:00",
/// and a missing required value is an error rather than a silent null.</summary>
public static class PlaybookJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new ClockTimeConverter());
        return options;
    }

    /// <summary>Reads "16:00" or "09:30" as a London wall-clock time.</summary>
    private sealed class ClockTimeConverter : JsonConverter<TimeOnly>
    {
        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time
                : throw new JsonException($"'{text}' is not a time of day written as HH:mm, e.g. \"16:00\".");
        }

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
