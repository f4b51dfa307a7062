using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Tests.Process;

/// <summary>The shipped playbooks (bot/playbooks, copied to the test output) and the real calendar.</summary>
internal static class ProcessTestKit
{
    public static PlaybookCatalogue Catalogue { get; } = PlaybookDirectory.Load(Path.Combine(AppContext.BaseDirectory, "playbooks"));

    public static WorkingDayCalendar WorkingDays => WorkingDayCalendar.Default;

    public static TimetableCalculator Calculator { get; } = new(WorkingDays);

    public static CaseSchedule Schedule { get; } = new(Calculator);

    public static Playbook Playbook(string key) => Catalogue.Get(key);

    /// <summary>An instant given as London wall-clock time.</summary>
    public static DateTimeOffset London(int year, int month, int day, int hour = 9, int minute = 0) =>
        WorkingDayCalendar.AtLondon(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}
