using System.Collections.Concurrent;
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
    // Forgetting costs one read later, never a wrong timer: the map is simply dropped when it grows past this.
    // A skip also needs the case's state held in memory, so remembering more cases than the case store
    // holds only costs memory (about 6 KiB a case with its reminders).
    private const int MostRemembered = AggregateStoreCapacity.Default;

    private readonly ConcurrentDictionary<string, Reconciled> _cases = new(StringComparer.Ordinal);

    /// <summary>The partition as this instance's last reconcile of the case left it, when that reconcile was at <paramref name="version"/>.</summary>
    public Reconciled? At(string caseCode, long version) =>
        _cases.TryGetValue(caseCode, out var known) && known.Version == version ? known : null;

    /// <summary>
    /// A reconcile at <paramref name="version"/> left the partition with <paramref name="note"/> and
    /// <paramref name="timers"/> (only the reminders and prompts the reconcile itself keeps are kept).
    /// </summary>
    public void Remember(string caseCode, long version, CaseTimerBasis note, IEnumerable<DurableTimer> timers)
    {
        if (_cases.Count >= MostRemembered)
        {
            _cases.Clear();
        }

        var kept = timers
            .Where(t => t.Kind is CaseDeadlineTimer.TimerKind or SignOffPrompts.TimerKind)
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _cases[caseCode] = new Reconciled(version, note, kept);
    }

    /// <summary>Nothing is known of the case's partition any more (a reconcile failed or found a newer note).</summary>
    public void Forget(string caseCode) => _cases.TryRemove(caseCode, out _);

    /// <summary>A reconcile's result: the stream version, the note left and the reminders and prompts left stored, by id.</summary>
    public sealed record Reconciled(long Version, CaseTimerBasis Note, IReadOnlyDictionary<string, DurableTimer> Timers);
}
