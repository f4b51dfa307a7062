using System.Globalization;

namespace TeamsReviewBot.Commands;

/// <summary>The date forms a typed command accepts: 08/01/2027, 8/1/2027 or 2027-01-08.</summary>
public static class TypedDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
