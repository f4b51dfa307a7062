using System.Collections.Concurrent;
using System.Collections.Immutable;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// What this instance's own last reconcile of each case left in the case's timer partition: the
/// stream version it reconciled, the note it left (what the timers were set from) and the reminders
/// and sign-off prompts it left stored. A follow-up owing exactly the appends made on top of that
/// version can then tell, without reading the partition, that the case as it now stands calls for
/// no change (a vote that moves no deadline). Only in memory: a restarted instance knows nothing and
/// reads; an entry is only trusted for the version it was reconciled at, so another instance's
/// appends (and reconciles) since are never taken on trust.
/// </summary>
public sealed class ReconciledTimers
{
    // Forgetting costs one read later, never a wrong timer. A skip also needs the case's state held in
    // memory, so remembering more cases than the case store holds only costs memory (about 6 KiB a case
    // with its reminders): past that, the cases reconciled longest ago are forgotten, as the store does.
    private const int MostRemembered = AggregateStoreCapacity.Default;

    private readonly ConcurrentDictionary<string, Reconciled> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableList<WaitingAppend>> _waiting = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private long _sequence;

    /// <summary>The partition as this instance's last reconcile of the case left it, when that reconcile was at <paramref name="version"/>.</summary>
    public Reconciled? At(string caseCode, long version) =>
        _cases.TryGetValue(caseCode, out var known) && known.Version == version ? known : null;

    /// <summary>
    /// A reconcile at <paramref name="version"/> left the partition with <paramref name="note"/> and
    /// <paramref name="timers"/> (only the reminders and prompts the reconcile itself keeps are kept).
    /// </summary>
    public void Remember(string caseCode, long version, CaseTimerBasis note, IEnumerable<DurableTimer> timers)
    {
        var kept = timers
            .Where(t => t.Kind is CaseDeadlineTimer.TimerKind or SignOffPrompts.TimerKind)
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _cases[caseCode] = new Reconciled(version, note, kept) { Sequence = Interlocked.Increment(ref _sequence) };
        if (_cases.Count > MostRemembered)
        {
            Trim();
        }
    }

    // Down to nine tenths at once, so the sort runs once per tenth of the bound, not at every reconcile.
    private void Trim()
    {
        if (!_trimming.TryEnter())
        {
            return;
        }

        try
        {
            var excess = _cases.Count - (MostRemembered - (MostRemembered / 10));
            foreach (var (caseCode, known) in _cases.ToArray().OrderBy(e => e.Value.Sequence).Take(Math.Max(excess, 0)))
            {
                _cases.TryRemove(new KeyValuePair<string, Reconciled>(caseCode, known));
            }
        }
        finally
        {
            _trimming.Exit();
        }
    }

    /// <summary>
    /// An append this instance made while it follows the case up, to be checked against what its own
    /// reconcile left once that reconcile's version is remembered (<see cref="TakeWaiting"/>): at once
    /// when it is already, later when the reconcile is still under way. Never checked, it costs one read later.
    /// </summary>
    public void Wait(string caseCode, WaitingAppend append)
    {
        // A reconcile that failed leaves its appends waiting until the case's next one: bounded like the cases.
        if (_waiting.Count >= MostRemembered)
        {
            _waiting.Clear();
        }

        _waiting.AddOrUpdate(caseCode, _ => [append], (_, list) => list.Add(append));
    }

    /// <summary>
    /// The oldest append waiting on the case that was made on the version remembered or an earlier one
    /// (it can be checked now, or never will be), taken out; null when none is. One made on a later
    /// version waits on for the reconcile under way.
    /// </summary>
    public WaitingAppend? TakeWaiting(string caseCode)
    {
        while (_cases.TryGetValue(caseCode, out var known) && _waiting.TryGetValue(caseCode, out var waiting))
        {
            if (waiting.Where(w => w.FromVersion <= known.Version).MinBy(w => w.FromVersion) is not { } ready)
            {
                return null;
            }

            var rest = waiting.Remove(ready);
            if (rest.IsEmpty ? _waiting.TryRemove(new KeyValuePair<string, ImmutableList<WaitingAppend>>(caseCode, waiting)) : _waiting.TryUpdate(caseCode, rest, waiting))
            {
                return ready;
            }
        }

        return null;
    }

    /// <summary>Whether this instance remembers a reconcile of the case at any version.</summary>
    public bool Knows(string caseCode) => _cases.ContainsKey(caseCode);

    /// <summary>Nothing is known of the case's partition any more (a reconcile failed or found a newer note).</summary>
    public void Forget(string caseCode) => _cases.TryRemove(caseCode, out _);

    /// <summary>An append made on <see cref="FromVersion"/>, and the case as it left it.</summary>
    public sealed record WaitingAppend(long FromVersion, Versioned<CaseState> After);

    /// <summary>A reconcile's result: the stream version, the note left and the reminders and prompts left stored, by id.</summary>
    public sealed record Reconciled(long Version, CaseTimerBasis Note, IReadOnlyDictionary<string, DurableTimer> Timers)
    {
        /// <summary>When it was remembered, in this instance's order: the oldest are forgotten first.</summary>
        internal long Sequence { get; init; }
    }
}
