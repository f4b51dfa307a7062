using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Submission;

/// <summary>
/// The countdown to the submission cut-off: the playbook's <see cref="SubmissionRule.Reminders"/>
/// (e.g. Oldham, seed-000 §8.4: "by 4.00pm on Day 15", with countdown alerts well before 16:00, on
/// the morning of Day 15 and at 2 pm) as extra reminders to the business managers, while the
/// submission deadline is open. A moment already planned for that deadline (its on-the-day reminder)
/// is not given twice. Once the report is submitted the deadline is no longer open and nothing is planned.
/// </summary>
public static class SubmissionCountdown
{
    public static IReadOnlyList<ReminderPlan> Plan(Playbook playbook, string caseCode, IEnumerable<TimetableEntry> openDeadlines, IReadOnlyList<ReminderPlan> planned, WorkingDayCalendar calendar, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(calendar);
        var reminders = playbook.Submission.RemindersOrNone;
        if (reminders.Count == 0 || openDeadlines.FirstOrDefault(d => d.Key == playbook.Submission.Deadline) is not { } entry)
        {
            return [];
        }

        var lastDay = calendar.OnOrNextWorkingDay(WorkingDayCalendar.LondonDate(entry.DueAt));
        var taken = planned.Where(p => p.Deadline == entry.Key).Select(p => p.FireAt).ToHashSet();
        var plans = new List<ReminderPlan>();
        for (var i = 0; i < reminders.Count; i++)
        {
            var fireAt = WorkingDayCalendar.AtLondon(calendar.AddWorkingDays(lastDay, -reminders[i].WorkingDaysBefore), reminders[i].Time);
            if (fireAt >= notBefore && fireAt < entry.DueAt && taken.Add(fireAt))
            {
                var kind = $"{ReminderKinds.Countdown}-{i}";
                plans.Add(new ReminderPlan(ReminderPlan.IdFor(caseCode, entry.Key, kind, entry.DueAt), caseCode, entry.Key, entry.Name, ReminderKinds.Countdown, fireAt, entry.DueAt, entry.Rule.CompletedBy));
            }
        }

        return plans;
    }
}
