using System.Globalization;
using System.Text.RegularExpressions;

namespace TeamsReviewBot.Documents;

/// <summary>
/// Reads the dates people write in chronologies, British order first: 14/01/2027, 14.01.27,
/// 14-01-2027, 14 January 2027, 14 Jan 2027, Thursday 14 January 2027, 2027-01-14. A leading "?"
/// or "c." (uncertain date, Chronolator's convention) is tolerated. Anything else is not a date.
/// </summary>
public static partial class ChronologyDates
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] Formats =
    [
        "d/M/yyyy", "d/M/yy", "d.M.yyyy", "d.M.yy", "d-M-yyyy", "d-M-yy", "yyyy-M-d",
        "d MMMM yyyy", "d MMM yyyy", "dddd d MMMM yyyy", "ddd d MMM yyyy", "d MMMM, yyyy", "MMMM d yyyy", "MMMM d, yyyy",
    ];

    public static DateOnly? Parse(string? text)
    {
        var cleaned = Uncertain().Replace((text ?? string.Empty).Trim(), string.Empty);
        cleaned = Ordinal().Replace(cleaned, "$1");
        cleaned = Spaces().Replace(cleaned, " ").Trim();
        if (cleaned.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(cleaned, Formats, English, DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
    }

    [GeneratedRegex(@"^(?:\?|c\.|circa|approx\.?)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Uncertain();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
