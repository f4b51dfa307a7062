using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

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

    public static FormControl FromSdt(SdtElement sdt)
    {
        var properties = sdt.SdtProperties;
        var content = sdt.ChildElements.FirstOrDefault(c => c.LocalName == "sdtContent");
        var text = content is null ? string.Empty : WordText.Of(content);
        var showingPlaceholder = properties?.GetFirstChild<ShowingPlaceholder>() is { } shown && (shown.Val is null || shown.Val.Value);
        var date = properties?.GetFirstChild<SdtContentDate>();
        var isDropDown = properties?.GetFirstChild<SdtContentDropDownList>() is not null || properties?.GetFirstChild<SdtContentComboBox>() is not null;
        return new FormControl(
            text.Trim(),
            showingPlaceholder || IsPlaceholderText(text),
            date?.FullDate?.Value is { } full ? full.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            properties?.GetFirstChild<Tag>()?.Val?.Value,
            properties?.GetFirstChild<SdtAlias>()?.Val?.Value,
            isDropDown,
            date is not null);
    }

    /// <summary>A legacy form field: its ffData and the result text Word shows between separate and end.</summary>
    public static FormControl FromLegacyField(FormFieldData data, string resultText)
    {
        var dropDown = data.GetFirstChild<DropDownListFormField>();
        if (dropDown is not null)
        {
            var entries = dropDown.Elements<ListEntryFormField>().Select(e => e.Val?.Value ?? string.Empty).ToList();
            var chosen = dropDown.GetFirstChild<DropDownListSelection>()?.Val?.Value ?? 0;
            var value = chosen >= 0 && chosen < entries.Count ? entries[chosen] : string.Empty;
            return new FormControl(value, string.IsNullOrWhiteSpace(value), null, null, data.GetFirstChild<FormFieldName>()?.Val?.Value, true, false);
        }

        // Word shows five en spaces in an empty FORMTEXT.
        var text = resultText.Replace('\u2002', ' ').Trim();
        return new FormControl(text, text.Length == 0, null, null, data.GetFirstChild<FormFieldName>()?.Val?.Value, false, false);
    }

    public bool IsEmpty => IsPlaceholder || string.IsNullOrWhiteSpace(Text);

    private static bool IsPlaceholderText(string text) =>
        PlaceholderTexts.Contains(text.Trim().ToLowerInvariant(), StringComparer.Ordinal);
}

/// <summary>Visible text of a piece of WordprocessingML: w:t, tabs as spaces, breaks as new lines.</summary>
internal static class WordText
{
    public static string Of(OpenXmlElement element)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var node in element.Descendants())
        {
            switch (node)
            {
                case Text t:
                    builder.Append(t.Text);
                    break;
                case TabChar:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case Paragraph when builder.Length > 0:
                    builder.Append('\n');
                    break;
            }
        }

        return builder.ToString();
    }
}
