using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Decisions;
using TeamsReviewBot.Process.Stats;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Stats;

/// <summary>
/// Ten Oldham referrals received in November 2026 (and one in October, outside the period), with
/// every figure worked out by hand from the dates below. Oldham's deadlines (bot/playbooks/oldham.json):
/// decision by Day 1, National Panel notified by Day 5, information requested by Day 2, report
/// submitted by Day 15 at 4 pm; Day 0 is the day of receipt (all received at 10 am, before the 4 pm
/// cut-off). November 2026 has no bank holiday; 2 November is a Monday. "Now" is Tuesday 1 December, 9 am.
/// </summary>
public sealed class CaseStatisticsTests
{
    private static readonly DateTimeOffset Now = London(2026, 12, 1, 9);

    private static readonly StatsPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static readonly CaseState[] Cases =
    [
        // C1: decided Day 1, notified Day 2, submitted Day 15 at noon (all met).
        Case(1, 2, "Hollybank Primary School", "Physical abuse", "Under 1", decided: London(2026, 11, 3, 11), outcome: "rapid-review", notified: London(2026, 11, 4, 10), submitted: London(2026, 11, 23, 12)),
        // C2: decided Day 1, notified on Day 5 (met), submitted on Day 17 (missed: due 24 November).
        Case(2, 3, "Oldham Police", "Neglect", "1 to 4", decided: London(2026, 11, 4, 10), outcome: "rapid-review", notified: London(2026, 11, 10, 10), submitted: London(2026, 11, 26, 10)),
        // C3: decided on Day 2 (missed), no further action.
        Case(3, 4, "Hollybank Primary School", "Neglect", "Under 1", decided: London(2026, 11, 6, 10), outcome: "no-further-action"),
        // C4: decided Day 1, no further action.
        Case(4, 5, "Royal Oldham Hospital", "Physical abuse", "1 to 4", decided: London(2026, 11, 6, 10), outcome: "no-further-action"),
        // C5: decided Day 1, practice learning review.
        Case(5, 9, "Oldham Police", "Physical abuse", "11 to 15", decided: London(2026, 11, 10, 10), outcome: "practice-learning-review"),
        // C6: decided on Day 0, notified Day 2; submission due 1 December 4 pm, still to come.
        Case(6, 10, "Oldham Police", "Sexual abuse", "11 to 15", decided: London(2026, 11, 10, 15), outcome: "rapid-review", notified: London(2026, 11, 12, 10)),
        // C7: never decided: the decision (due 12 November) is overdue.
        Case(7, 11, "Royal Oldham Hospital", "Neglect", "5 to 10"),
        // C8: no summary recorded; decided on Day 2 (missed), no further action.
        Case(8, 12, null, null, null, decided: London(2026, 11, 16, 10), outcome: "no-further-action"),
        // C9: received Friday; decided Day 1, notified on Day 6 (missed); submission due 4 December.
        Case(9, 13, "Hollybank Primary School", "Physical abuse", "Under 1", decided: London(2026, 11, 16, 10), outcome: "rapid-review", notified: London(2026, 11, 23, 10)),
        // C10: received 30 November; its decision is due today, not yet missed.
        Case(10, 30, "Oldham Police", "Neglect", "1 to 4"),
        // Received in October: outside the period.
        Case(11, 30, "Oldham Police", "Neglect", "1 to 4", month: 10, decided: London(2026, 11, 2, 10), outcome: "no-further-action"),
    ];

    private static PartnershipStatistics Figures() => CaseStatistics.Compute(Cases, Catalogue, Schedule, November, Now);

    [Fact]
    public void Referrals_are_counted_by_source_category_and_age_band_most_first_and_a_missing_value_as_not_given()
    {
        var stats = Figures();

        Assert.Equal(10, stats.Referrals);
        Assert.Equal([new("Oldham Police", 4), new("Hollybank Primary School", 3), new("Royal Oldham Hospital", 2), new("not given", 1)], stats.BySource);
        Assert.Equal([new("Neglect", 4), new("Physical abuse", 4), new("not given", 1), new("Sexual abuse", 1)], stats.ByCategory);
        Assert.Equal([new("1 to 4", 3), new("Under 1", 3), new("11 to 15", 2), new("5 to 10", 1), new("not given", 1)], stats.ByAgeBand);
    }

    [Fact]
    public void Decisions_are_counted_by_the_playbooks_outcome_labels_with_the_undecided_apart()
    {
        Assert.Equal(
            [new("Progression to Rapid Review", 4), new("No further action", 3), new(CaseStatistics.NotYetDecided, 2), new("Practice Learning Review", 1)],
            Figures().DecisionsByOutcome);
    }

    [Fact]
    public void Times_from_referral_are_the_median_and_longest_in_working_days_over_the_cases_that_got_there()
    {
        var times = Figures().Times.ToDictionary(t => t.Step);

        // Decision: C1 1, C2 1, C3 2, C4 1, C5 1, C6 0, C8 2, C9 1 → 0,1,1,1,1,1,2,2 (the mean would be 1.125).
        Assert.Equal(new StepTime(CaseStatistics.ToDecision, 8, 1, 2), times[CaseStatistics.ToDecision]);
        // Notification: C1 2, C2 5, C6 2, C9 6 (Friday to the Monday week) → median (2 + 5) / 2.
        Assert.Equal(new StepTime(CaseStatistics.ToNotification, 4, 3.5, 6), times[CaseStatistics.ToNotification]);
        // Submission: C1 15, C2 17.
        Assert.Equal(new StepTime(CaseStatistics.ToSubmission, 2, 16, 17), times[CaseStatistics.ToSubmission]);
    }

    [Fact]
    public void Each_deadline_counts_the_cases_that_met_it_and_those_that_did_not_leaving_out_those_still_to_come()
    {
        var deadlines = Figures().Deadlines.ToDictionary(d => d.DeadlineKey);

        // Met: C1, C2, C4, C5, C6, C9. Missed: C3 and C8 (late), C7 (overdue). C10 is due today.
        Assert.Equal((6, 3), (deadlines["decision"].Met, deadlines["decision"].Missed));
        Assert.Equal(2.0 / 3, deadlines["decision"].ShareMet!.Value, 6);
        // Only the four Rapid Reviews are held to it; C9 was a working day late. Undecided C7 and C10 are not.
        Assert.Equal((3, 1), (deadlines["national-panel-notification"].Met, deadlines["national-panel-notification"].Missed));
        // No Rapid Review recorded its information requests: all four are overdue.
        Assert.Equal((0, 4), (deadlines["information-requests"].Met, deadlines["information-requests"].Missed));
        // C1 on time, C2 two days late; C6 and C9 are not yet due.
        Assert.Equal((1, 1), (deadlines["submission"].Met, deadlines["submission"].Missed));
        Assert.All(deadlines.Values, d => Assert.Equal("Oldham Safeguarding Children Partnership", d.Partnership));
    }

    [Fact]
    public void A_period_with_no_referrals_has_no_figures_and_no_deadlines()
    {
        var stats = CaseStatistics.Compute(Cases, Catalogue, Schedule, new StatsPeriod(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), Now);

        Assert.Equal(0, stats.Referrals);
        Assert.Empty(stats.DecisionsByOutcome);
        Assert.Empty(stats.Deadlines);
        Assert.All(stats.Times, t => Assert.Equal((0, (double?)null, (int?)null), (t.Cases, t.MedianWorkingDays, t.MaxWorkingDays)));
    }

    [Fact]
    public void The_csv_has_a_row_per_figure_with_the_share_met_as_a_whole_percentage()
    {
        var text = System.Text.Encoding.UTF8.GetString(StatsCsv.Write(Figures())).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("\"section\",\"item\",\"count\",\"median_working_days\",\"max_working_days\",\"met\",\"missed\",\"share_met_percent\"", lines[0]);
        Assert.Contains("\"referrals\",\"total\",\"10\",\"\",\"\",\"\",\"\",\"\"", lines);
        Assert.Contains("\"referrals by source\",\"Oldham Police\",\"4\",\"\",\"\",\"\",\"\",\"\"", lines);
        Assert.Contains("\"time in working days\",\"Referral to National Panel notification\",\"4\",\"3.5\",\"6\",\"\",\"\",\"\"", lines);
        Assert.Contains("\"deadline met\",\"Oldham Safeguarding Children Partnership: Virtual Panel threshold decision\",\"9\",\"\",\"\",\"6\",\"3\",\"67\"", lines);
    }

    private static CaseState Case(int n, int day, string? source, string? category, string? ageBand, int month = 11, DateTimeOffset? decided = null, string? outcome = null, DateTimeOffset? notified = null, DateTimeOffset? submitted = null)
    {
        var code = $"RR-OLD-2026-{n:0000}";
        var received = London(2026, month, day, 10);
        var playbook = Playbook("oldham");
        return new CaseState
        {
            StreamId = code,
            Exists = true,
            CaseCode = code,
            Partnership = "oldham",
            ReferralKind = CaseRules.Referral,
            ReceivedAt = received,
            OpenedAt = received,
            Referral = source is null ? null : new ReferralRecorded(new ReferralSummary(category!, ageBand!, null, source, "referrer@example.org"), null, Actor.System, "Referral recorded."),
            DecidedAt = decided,
            Outcome = outcome,
            OutcomeKind = outcome is null ? null : playbook.FindOutcome(outcome)!.Kind,
            NotifiedAt = notified,
            SubmittedAt = submitted,
        };
    }
}
