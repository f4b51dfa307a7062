using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>The payload of a reminder or escalation timer, and how one is built from a plan.</summary>
public sealed record CaseDeadlineTimer(string CaseCode, string Deadline, string DeadlineName, string Kind, DateTimeOffset DueAt, string CompletedBy)
{
    public const string TimerKind = "case-deadline";

    public static DurableTimer From(ReminderPlan plan) => new(
        plan.Id,
        TimerKind,
        plan.CaseCode,
        plan.FireAt,
        Process.Cases.CaseJson.Write(new CaseDeadlineTimer(plan.CaseCode, plan.Deadline, plan.DeadlineName, plan.Kind, plan.DueAt, plan.CompletedBy)));
}
