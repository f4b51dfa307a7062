using System.Globalization;
using Microsoft.Graph.Models;

namespace TeamsReviewBot.GraphIntegration.Calendar;

/// <summary>Graph's dateTimeTimeZone to and from instants. The bot always sends UTC; what comes back
/// in another zone is converted by its IANA or Windows name.</summary>
internal static class GraphTimes
{
    public static DateTimeTimeZone Utc(DateTimeOffset at) => new()
    {
        DateTime = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    public static DateTimeOffset Instant(DateTimeTimeZone value)
    {
        var local = DateTime.SpecifyKind(DateTime.Parse(value.DateTime!, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Unspecified);
        var zone = value.TimeZone is null or "UTC" or "Etc/GMT" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(value.TimeZone);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
