using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;

namespace TeamsReviewBot.Process.Cases;

/// <summary>Where one deadline of a case stands at a moment.</summary>
public enum DeadlineStatus
{
    Done,
    Due,
    Overdue,

    /// <summary>Applies only if something later is decided; shown, not chased.</summary>
    Conditional,
}

public sealed record CaseDeadline(TimetableEntry Entry, DeadlineStatus Status, DateTimeOffset? DoneAt);

/// <summary>A case's own timetable: the playbook's deadlines from its Day 0, following what actually
/// happened and any deadline a business manager moved, each marked done, due or overdue.</summary>
public sealed class CaseSchedule(TimetableCalculator calculator)
{
    public WorkingDayCalendar Calendar => calculator.Calendar;

    /// <summary>The timetable a referral received at <paramref name="receivedAt"/> would get.</summary>
    public CaseTimetable Preview(Playbook playbook, DateTimeOffset receivedAt) => calculator.Compute(playbook, receivedAt);

    // A state is immutable, and a click asks for its timetable several times (the rule, the card, the
    // follow-up's timers): computed once per state object and playbook, forgotten with the state.
    private readonly ConditionalWeakTable<CaseState, CaseTimetable> _computed = new();

    public CaseTimetable Timetable(Playbook playbook, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_computed.TryGetValue(state, out var known) && ReferenceEquals(known.Playbook, playbook))
        {
            return known;
        }

        var timetable = Compute(playbook, state);
        _computed.AddOrUpdate(state, timetable);
        return timetable;
    }

    private CaseTimetable Compute(Playbook playbook, CaseState state)
    {
        var actual = ImmutableDictionary.CreateBuilder<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var rule in playbook.Deadlines)
        {
            var happened = rule.Key == playbook.Meeting.Deadline
                ? state.MeetingHeldAt ?? state.MeetingAt
                : state.MilestoneAt(rule.CompletedBy, rule.Key);
            if (happened is { } at)
            {
                actual[rule.Key] = at;
            }
        }

        var moved = state.Moves.ToImmutableDictionary(m => m.Key, m => m.Value.DueAt, StringComparer.Ordinal);
        return calculator.Compute(playbook, state.ClockStartsAt, new TimetableFacts(actual.ToImmutable(), moved, state.ResubmittedAt, state.NationalPanelResponseExpected));
    }

    /// <summary>The deadlines that apply to the case as decided so far, with their status at <paramref name="now"/>.</summary>
    public IReadOnlyList<CaseDeadline> Deadlines(Playbook playbook, CaseState state, DateTimeOffset now)
    {
        var timetable = Timetable(playbook, state);
        return [.. timetable.For(state.OutcomeKind).Select(entry =>
        {
            var doneAt = state.MilestoneAt(entry.Rule.CompletedBy, entry.Key);
            var status = doneAt is not null ? DeadlineStatus.Done
                : !state.InForce(entry.Rule) ? DeadlineStatus.Conditional
                : now > entry.DueAt ? DeadlineStatus.Overdue
                : DeadlineStatus.Due;
            return new CaseDeadline(entry, status, doneAt);
        })];
    }

    /// <summary>The deadlines still to chase: they apply to the decided path (only those before any
    /// decision while undecided), are not done, not conditional (unless the meeting decided on a
    /// review), not a hand-marked step, and the case is open.</summary>
    public IReadOnlyList<TimetableEntry> Open(Playbook playbook, CaseState state)
    {
        if (state.IsClosed || !state.Exists)
        {
            return [];
        }

        var timetable = Timetable(playbook, state);
        var applying = state.OutcomeKind is null
            ? timetable.Entries.Where(e => e.Rule.AppliesWhen is null)
            : timetable.For(state.OutcomeKind);
        // A step the business manager marks done by hand ("done ‹case› ‹item›") is chased when it is
        // an afterwards item whose time has come (AfterwardsItems.IsChased) or a ticked Case Factor
        // makes it mandatory (Oldham's Brief Learning Review) or a seat owns it (Gloucestershire's
        // chronology); the rest are shown, not chased.
        return [.. applying.Where(e => state.InForce(e.Rule)
            && (e.Rule.CompletedBy != Milestones.Step || e.Rule.CaseFactor is not null || e.Rule.Owner is not null || AfterwardsItems.IsChased(playbook, state, e.Rule))
            && state.MilestoneAt(e.Rule.CompletedBy, e.Key) is null)];
    }
}
