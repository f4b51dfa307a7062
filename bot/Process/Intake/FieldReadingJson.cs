using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsReviewBot.Process.Intake;

/// <summary>Writes a <see cref="FieldReading"/> as its number, as referrals have always been stored, and
/// reads either its number or its name, so a referral recorded either way still reads.</summary>
public sealed class FieldReadingJson : JsonConverter<FieldReading>
{
    public override FieldReading Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var number) && Enum.IsDefined((FieldReading)number) => (FieldReading)number,
        JsonTokenType.String when Enum.TryParse<FieldReading>(reader.GetString(), ignoreCase: true, out var named) => named,
        _ => throw new JsonException("A field's reading is one of Read, NotFilledIn, Unreadable or NotFound."),
    };

    public override void Write(Utf8JsonWriter writer, FieldReading value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue((int)value);
    }
}
