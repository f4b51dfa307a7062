using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Reminders;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Reminders;

public sealed class ReminderPlannerTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Fact]
    public void A_deadline_gets_a_reminder_the_working_day_before_one_on_the_day_and_an_escalation_when_it_passes()
    {
        // Oldham returns are due on Monday 4 January 2027 (Day 7 from 21 December 2026).
        var returns = Calculator.Compute(Playbook("oldham"), London(2026, 12, 21, 10)).Get("returns");

        var plans = new ReminderPlanner(WorkingDays, new ReminderOptions()).Plan("RR-OLD-2026-0001", [returns], Nine, London(2026, 12, 21, 10));

        Assert.Equal(
            [
                (ReminderKinds.Before, "Thursday 31 December 2026, 9 am"),
                (ReminderKinds.OnTheDay, "Monday 4 January 2027, 9 am"),
                (ReminderKinds.Missed, "Monday 4 January 2027, 5 pm"),
            ],
            plans.Select(p => (p.Kind, BritishDates.DateAndTime(p.FireAt))));
        Assert.All(plans, p => Assert.StartsWith("RR-OLD-2026-0001:returns:", p.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_number_of_working_days_before_is_configurable_and_zero_turns_it_off()
    {
        var returns = Calculator.Compute(Playbook("oldham"), London(2026, 12, 21, 10)).Get("returns");

        var two = new ReminderPlanner(WorkingDays, new ReminderOptions(2)).Plan("c", [returns], Nine, London(2026, 12, 21, 10));
        var none = new ReminderPlanner(WorkingDays, new ReminderOptions(0)).Plan("c", [returns], Nine, London(2026, 12, 21, 10));

        Assert.Equal("Wednesday 30 December 2026, 9 am", BritishDates.DateAndTime(two.Single(p => p.Kind == ReminderKinds.Before).FireAt));
        Assert.DoesNotContain(none, p => p.Kind == ReminderKinds.Before);
    }

    [Fact]
    public void Reminders_already_past_are_left_out_but_the_escalation_never_is()
    {
        var decision = Calculator.Compute(Playbook("oldham"), London(2026, 12, 21, 10)).Get("decision");

        var plans = new ReminderPlanner(WorkingDays, new ReminderOptions()).Plan("c", [decision], Nine, London(2026, 12, 22, 10));

        Assert.Equal([ReminderKinds.Missed], plans.Select(p => p.Kind));
    }

    [Fact]
    public void A_deadline_in_hours_that_falls_at_a_weekend_is_reminded_on_the_Friday_only()
    {
        // Tameside: 48 hours from Thursday 14 January 2027, 2 pm is Saturday 16 January, 2 pm.
        var decision = Calculator.Compute(Playbook("tameside"), London(2027, 1, 14, 14)).Get("decision");

        var plans = new ReminderPlanner(WorkingDays, new ReminderOptions()).Plan("c", [decision], Nine, London(2027, 1, 14, 14));

        Assert.Equal(
            [(ReminderKinds.Before, "Friday 15 January 2027, 9 am"), (ReminderKinds.Missed, "Saturday 16 January 2027, 2 pm")],
            plans.Select(p => (p.Kind, BritishDates.DateAndTime(p.FireAt))));
    }

    [Fact]
    public void A_moved_deadline_gets_new_timer_ids()
    {
        var planner = new ReminderPlanner(WorkingDays, new ReminderOptions());
        var entry = Calculator.Compute(Playbook("oldham"), London(2026, 12, 21, 10)).Get("returns");
        var moved = entry with { DueAt = entry.DueAt.AddDays(1), DueDate = entry.DueDate.AddDays(1) };

        var ids = planner.Plan("c", [entry], Nine, London(2026, 12, 21, 10)).Select(p => p.Id);
        var movedIds = planner.Plan("c", [moved], Nine, London(2026, 12, 21, 10)).Select(p => p.Id);

        Assert.Empty(ids.Intersect(movedIds));
    }
}
