using System.Globalization;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// A value-bearing thing on a Word form, read as shown: a content control (plain text, drop-down,
/// combo box, date, with its tag and title), a legacy form field (FORMTEXT, FORMDROPDOWN) or plain
/// cell text. <see cref="IsPlaceholder"/> is true while Word still shows "Choose an item." and the like.
/// </summary>
internal sealed record FormControl(string Text, bool IsPlaceholder, string? FullDate, string? Tag, string? Alias, bool IsDropDown, bool IsDate)
{
    /// <summary>Typed text rather than a content control or form field: matched only when no control is.</summary>
    public bool IsPlainText { get; init; }

    private static readonly string[] PlaceholderTexts =
    [
        "choose an item.", "click or tap to enter a date.", "click or tap here to enter text.", "click here to enter text.",
        "click here to enter a date.",
    ];

    public static FormControl FromText(string text) => new(text.Trim(), IsPlaceholderText(text), null, null, null, false, false) { IsPlainText = true };

    public static FormControl FromSdt(WordNode sdt)
    {
        var properties = sdt.Child("sdtPr");
        var content = sdt.ChildNamed("sdtContent");
        var text = content is null ? string.Empty : WordText.Of(content);
        var showingPlaceholder = properties?.Child("showingPlcHdr") is { } shown && (WordNode.OnOff(shown.Attribute("val")) ?? true);
        var date = properties?.Child("date");
        var isDropDown = properties?.Child("dropDownList") is not null || properties?.Child("comboBox") is not null;
        return new FormControl(
            text.Trim(),
            showingPlaceholder || IsPlaceholderText(text),
            DateOf(date?.Attribute("fullDate")),
            properties?.Child("tag")?.Attribute("val"),
            properties?.Child("alias")?.Attribute("val"),
            isDropDown,
            date is not null);
    }

    /// <summary>A legacy form field: its ffData and the result text Word shows between separate and end.</summary>
    public static FormControl FromLegacyField(WordNode data, string resultText)
    {
        var name = data.Child("name")?.Attribute("val");
        if (data.Child("ddList") is { } dropDown)
        {
            var entries = dropDown.Children.Where(e => e.Is("listEntry")).Select(e => e.Attribute("val") ?? string.Empty).ToList();
            var chosen = int.TryParse(dropDown.Child("result")?.Attribute("val"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? index : 0;
            var value = chosen >= 0 && chosen < entries.Count ? entries[chosen] : string.Empty;
            return new FormControl(value, string.IsNullOrWhiteSpace(value), null, null, name, true, false);
        }

        // Word shows five en spaces in an empty FORMTEXT.
        var text = resultText.Replace('\u2002', ' ').Trim();
        return new FormControl(text, text.Length == 0, null, null, name, false, false);
    }

    /// <summary>A date control's w:fullDate (xsd:dateTime, as Word writes it) as yyyy-MM-dd; null when absent or not a date.</summary>
    private static string? DateOf(string? fullDate)
    {
        if (string.IsNullOrEmpty(fullDate))
        {
            return null;
        }

        try
        {
            return System.Xml.XmlConvert.ToDateTime(fullDate, System.Xml.XmlDateTimeSerializationMode.RoundtripKind).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public bool IsEmpty => IsPlaceholder || string.IsNullOrWhiteSpace(Text);

    private static bool IsPlaceholderText(string text) =>
        PlaceholderTexts.Contains(text.Trim().ToLowerInvariant(), StringComparer.Ordinal);
}

/// <summary>Visible text of a piece of WordprocessingML: w:t, tabs as spaces, breaks as new lines.</summary>
internal static class WordText
{
    public static string Of(WordNode element)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var node in element.Descendants())
        {
            if (!node.IsWord)
            {
                continue;
            }

            switch (node.LocalName)
            {
                case "t":
                    builder.Append(node.Text);
                    break;
                case "tab" when node.Parent is { } run && run.Is("r"):
                    builder.Append(' ');
                    break;
                case "br" or "cr":
                    builder.Append('\n');
                    break;
                case "p" when builder.Length > 0:
                    builder.Append('\n');
                    break;
            }
        }

        return builder.ToString();
    }
}
