using System.Globalization;

namespace TeamsReviewBot.Process.SignOff;

/// <summary>The timer that announces a new report version in the case's thread, one per version.</summary>
public static class ReportAnnouncement
{
    public const string TimerKind = "report-version";

    public static string TimerId(string caseCode, int version) => $"{caseCode}:report-version:{version.ToString(CultureInfo.InvariantCulture)}";
}
