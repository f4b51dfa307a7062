using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Stats;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Workflows.Stats;

/// <summary>
/// Reads every case the index lists whose referral could fall in the period and works out the
/// figures. Reads only: the index narrows by the date the case was opened (never before its
/// referral was received), each case's state comes from its stream.
/// </summary>
public sealed class StatsReader(CaseIndexStore index, CaseService cases, TimeProvider time)
{
    public async Task<PartnershipStatistics> ReadAsync(StatsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var entries = await index.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var states = new List<CaseState>();
        foreach (var entry in entries.Where(e => WorkingDayCalendar.LondonDate(e.OpenedAt) >= period.From))
        {
            if (await cases.FindAsync(entry.CaseCode, cancellationToken).ConfigureAwait(false) is { } state)
            {
                states.Add(state);
            }
        }

        return CaseStatistics.Compute(states, cases.Playbooks, cases.Schedule, period, time.GetUtcNow());
    }
}
