using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;

namespace TeamsReviewBot.Process.Stats;

/// <summary>
/// Works out a period's figures from the cases as their events made them. Pure: the same cases,
/// period and moment give the same figures.
///
/// What is counted is what Salford's governance section asks of the partnership each year
/// (seed-002 §9.8, L451–464: "Number of referrals by type, outcome, referrer and theme",
/// "Number of reviews by type and outcome", "Timeliness of reviews") and what each playbook's
/// deadlines make measurable. A referral is in the period by the London date it was received;
/// times are in working days (England and Wales bank holidays) between the London dates of the
/// referral and of the step; a deadline is met when its step was done by the time due (as moved, if
/// a business manager moved it), missed when done later or overdue undone. A step only a person
/// marks done is counted when marked, never as missed: the bot cannot know it was not done.
/// </summary>
public static class CaseStatistics
{
    public const string NotGiven = "not given";
    public const string NotYetDecided = "Not yet decided";
    public const string ToDecision = "Referral to decision";
    public const string ToNotification = "Referral to National Panel notification";
    public const string ToSubmission = "Referral to submission of the report";

    public static PartnershipStatistics Compute(IEnumerable<CaseState> cases, PlaybookCatalogue playbooks, CaseSchedule schedule, StatsPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(playbooks);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(period);
        var inPeriod = cases
            .Where(c => c.Exists && playbooks.Find(c.Partnership) is not null && period.Contains(WorkingDayCalendar.LondonDate(c.ReceivedAt)))
            .OrderBy(c => c.CaseCode, StringComparer.Ordinal)
            .ToList();
        var calendar = schedule.Calendar;

        return new PartnershipStatistics(
            period,
            now,
            inPeriod.Count,
            Tallies(inPeriod.Select(c => c.Referral?.Summary.ReferringOrganisation)),
            Tallies(inPeriod.Select(c => c.Referral?.Summary.IncidentCategory)),
            Tallies(inPeriod.Select(c => c.Referral?.Summary.AgeBand)),
            Tallies(inPeriod.Select(c => c.Outcome is null ? NotYetDecided : playbooks.Get(c.Partnership).FindOutcome(c.Outcome)?.Label ?? c.Outcome)),
            [
                Time(ToDecision, inPeriod, c => c.DecidedAt, calendar),
                Time(ToNotification, inPeriod, c => c.NotifiedAt, calendar),
                Time(ToSubmission, inPeriod, c => c.SubmittedAt, calendar),
            ],
            Deadlines(inPeriod, playbooks, schedule, now));
    }

    /// <summary>Most first, then by name; a missing value is counted as "not given", never dropped.</summary>
    private static IReadOnlyList<Tally> Tallies(IEnumerable<string?> values) => [.. values
        .Select(v => string.IsNullOrWhiteSpace(v) ? NotGiven : v.Trim())
        .GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
        .Select(g => new Tally(g.First(), g.Count()))
        .OrderByDescending(t => t.Count)
        .ThenBy(t => t.Label, StringComparer.OrdinalIgnoreCase)];

    private static StepTime Time(string step, IReadOnlyList<CaseState> cases, Func<CaseState, DateTimeOffset?> reached, WorkingDayCalendar calendar)
    {
        var days = cases
            .Where(c => reached(c) is not null)
            .Select(c => calendar.WorkingDaysBetween(WorkingDayCalendar.LondonDate(c.ReceivedAt), WorkingDayCalendar.LondonDate(reached(c)!.Value)))
            .Order()
            .ToList();
        return days.Count == 0 ? new StepTime(step, 0, null, null) : new StepTime(step, days.Count, Median(days), days[^1]);
    }

    private static double Median(List<int> sorted) => sorted.Count % 2 == 1
        ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;

    private static List<DeadlineRecord> Deadlines(IReadOnlyList<CaseState> cases, PlaybookCatalogue playbooks, CaseSchedule schedule, DateTimeOffset now)
    {
        var records = new List<DeadlineRecord>();
        foreach (var group in cases.GroupBy(c => c.Partnership, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var playbook = playbooks.Get(group.Key);
            var met = new Dictionary<string, int>(StringComparer.Ordinal);
            var missed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var state in group)
            {
                // An undecided case is held only to the deadlines before any decision, as it is chased.
                foreach (var deadline in schedule.Deadlines(playbook, state, now).Where(d => state.OutcomeKind is not null || d.Entry.Rule.AppliesWhen is null))
                {
                    var key = deadline.Entry.Key;
                    if (deadline.Status == DeadlineStatus.Done && deadline.DoneAt <= deadline.Entry.DueAt)
                    {
                        met[key] = met.GetValueOrDefault(key) + 1;
                    }
                    else if (deadline.Status == DeadlineStatus.Done
                        || (deadline.Status == DeadlineStatus.Overdue && deadline.Entry.Rule.CompletedBy != Milestones.Step))
                    {
                        missed[key] = missed.GetValueOrDefault(key) + 1;
                    }
                }
            }

            records.AddRange(playbook.Deadlines
                .Where(rule => met.ContainsKey(rule.Key) || missed.ContainsKey(rule.Key))
                .Select(rule => new DeadlineRecord(playbook.Name, rule.Key, rule.Name, met.GetValueOrDefault(rule.Key), missed.GetValueOrDefault(rule.Key))));
        }

        return records;
    }
}
