using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Reminders;

/// <summary>
/// Which reminders and escalations a case's open deadlines imply. For each: a reminder the
/// configured number of working days before (at the start of that working day), one at the start
/// of the day it is due, and an escalation the moment it passes. A reminder whose moment is before
/// <c>notBefore</c>, or not before the deadline itself, is left out; the escalation never is. The id carries the due instant,
/// so a moved deadline gets fresh reminders while one already given stays given.
/// </summary>
public sealed class ReminderPlanner(WorkingDayCalendar calendar, ReminderOptions options)
{
    public IReadOnlyList<ReminderPlan> Plan(string caseCode, IEnumerable<TimetableEntry> openDeadlines, TimeOnly workingDayStarts, DateTimeOffset notBefore)
    {
        var plans = new List<ReminderPlan>();
        foreach (var entry in openDeadlines)
        {
            var dueLocalDate = WorkingDayCalendar.LondonDate(entry.DueAt);
            var beforeDate = calendar.AddWorkingDays(calendar.OnOrNextWorkingDay(dueLocalDate), -options.WorkingDaysBefore);
            var before = WorkingDayCalendar.AtLondon(beforeDate, workingDayStarts);
            var onTheDay = WorkingDayCalendar.AtLondon(dueLocalDate, workingDayStarts);

            void Add(string kind, DateTimeOffset fireAt)
            {
                plans.Add(new ReminderPlan(ReminderPlan.IdFor(caseCode, entry.Key, kind, entry.DueAt), caseCode, entry.Key, entry.Name, kind, fireAt, entry.DueAt, entry.Rule.CompletedBy));
            }

            if (options.WorkingDaysBefore > 0 && before >= notBefore && before < entry.DueAt)
            {
                Add(ReminderKinds.Before, before);
            }

            // A deadline counted in hours can fall at a weekend: its reminders stay on working days.
            if (calendar.IsWorkingDay(dueLocalDate) && onTheDay >= notBefore && onTheDay < entry.DueAt && onTheDay != before)
            {
                Add(ReminderKinds.OnTheDay, onTheDay);
            }

            Add(ReminderKinds.Missed, entry.DueAt);
        }

        return plans;
    }
}
