using System.Text.Json.Nodes;

namespace TeamsReviewBot.Cards;

/// <summary>Adaptive Card 1.5 input elements. A required input carries an errorMessage, which
/// Teams shows under the field when the user presses the button without filling it in.</summary>
internal static class CardInputs
{
    internal static JsonObject Text(string id, string label, string? value = null, bool required = false, string? errorMessage = null, bool multiline = false, string? placeholder = null, int? maxLength = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label };
        if (value is not null)
        {
            input["value"] = value;
        }

        if (multiline)
        {
            input["isMultiline"] = true;
        }

        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        if (maxLength is not null)
        {
            input["maxLength"] = maxLength;
        }

        return Required(input, required, errorMessage);
    }

    internal static JsonObject Date(string id, string label, DateOnly? value = null, bool required = false, string? errorMessage = null)
    {
        var input = new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label };
        if (value is { } date)
        {
            input["value"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return Required(input, required, errorMessage);
    }

    internal static JsonObject Choice(string id, string label, IEnumerable<(string Title, string Value)> choices, string? value = null, bool required = false, string? errorMessage = null, bool expanded = false)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = expanded ? "expanded" : "compact",
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        if (value is not null)
        {
            input["value"] = value;
        }

        return Required(input, required, errorMessage);
    }

    private static JsonObject Required(JsonObject input, bool required, string? errorMessage)
    {
        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = errorMessage ?? "This field is required.";
        }

        return input;
    }
}
