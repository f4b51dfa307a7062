namespace TeamsReviewBot.Process.Stats;

/// <summary>The referrals counted: those received (London date) from <paramref name="From"/> to <paramref name="To"/>, both included.</summary>
public sealed record StatsPeriod(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>How many referrals had one value (a source, a category, an age band, an outcome).</summary>
public sealed record Tally(string Label, int Count);

/// <summary>Working days from referral to a step, over the <paramref name="Cases"/> that reached it
/// (median and longest; null when none did).</summary>
public sealed record StepTime(string Step, int Cases, double? MedianWorkingDays, int? MaxWorkingDays);

/// <summary>One deadline of one partnership's playbook: how many cases met it and how many did not
/// (done late, or overdue and not done). Deadlines still to come are in neither.</summary>
public sealed record DeadlineRecord(string Partnership, string DeadlineKey, string Deadline, int Met, int Missed)
{
    public int Counted => Met + Missed;

    /// <summary>The share met, 0 to 1; null when no case has reached the deadline.</summary>
    public double? ShareMet => Counted == 0 ? null : (double)Met / Counted;
}

/// <summary>
/// The figures the partnerships monitor for a period: referrals by source, category and age band,
/// decisions by outcome, the time from referral to decision, to notification and to submission,
/// and the share of each deadline met.
/// </summary>
public sealed record PartnershipStatistics(
    StatsPeriod Period,
    DateTimeOffset AsAt,
    int Referrals,
    IReadOnlyList<Tally> BySource,
    IReadOnlyList<Tally> ByCategory,
    IReadOnlyList<Tally> ByAgeBand,
    IReadOnlyList<Tally> DecisionsByOutcome,
    IReadOnlyList<StepTime> Times,
    IReadOnlyList<DeadlineRecord> Deadlines);
