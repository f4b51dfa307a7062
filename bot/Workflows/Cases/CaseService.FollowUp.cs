using System.Text.Json;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.CrossBoundary;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Process.Submission;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// Bringing a case's index row and timers up to date after an append, off the reply path. Every
/// append writes the case's follow-up row in its own transaction (<see cref="CaseFollowUpRows"/>),
/// so what it owes is never lost; <see cref="CaseFollowUpWorker"/> carries it out right after the
/// reply and finds it again after a crash. The work is an idempotent reconcile: read the case's
/// timers in one query, diff them with everything the case as it stands calls for (reminders,
/// escalations, sign-off prompts, the report-draft and afterwards points, a new report version's
/// announcement), and apply the difference as one change to the case's partition, with a note of
/// what the timers now reflect, so a reconcile working from an older view cannot undo a newer one.
/// </summary>
public sealed partial class CaseService
{
    private static readonly JsonSerializerOptions NoteJson = new(JsonSerializerDefaults.Web);

    private static readonly TimerPartition NoTimersYet = new([], null);

    /// <summary>Whether the follow-ups run after the reply (a queue and its worker are registered).</summary>
    public bool FollowsUpAfterReply => followUps is { RunBeforeReply: false };

    /// <summary>
    /// Brings the case's index row and timers up to date with the case as it stands. <paramref name="knownBefore"/>
    /// is the case as the timers last reflected it when the caller knows it; otherwise the note kept
    /// with the timers says, or (for a case written before notes were kept) the stream up to
    /// <paramref name="fromVersion"/>.
    /// </summary>
    public Task ReconcileAsync(string caseCode, CaseState? knownBefore, long? fromVersion, CancellationToken cancellationToken) =>
        ReconcileAsync(caseCode, knownBefore, fromVersion, null, null, cancellationToken);

    /// <summary>
    /// As above, for the follow-up a row owes: the case as this instance holds it is used without
    /// reading the stream when it is the row's last version or later (the row's delete, bound to its
    /// ETag, catches an append made elsewhere since).
    /// </summary>
    public Task ReconcileAsync(string caseCode, OwedFollowUp owedRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owedRow);
        return ReconcileAsync(caseCode, null, owedRow.FromVersion, owedRow.ToVersion, owedRow.FromOpening, cancellationToken);
    }

    private async Task ReconcileAsync(string caseCode, CaseState? knownBefore, long? fromVersion, long? owedTo, bool? owedFromOpening, CancellationToken cancellationToken)
    {
        if (playbooks.ForCaseCode(caseCode) is not { } playbook)
        {
            return;
        }

        var held = owedTo is { } to && await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false) is { } seen && seen.Version >= to ? seen : null;
        if (held is not null && held.Version == owedTo && fromVersion is { } from
            && (UnchangedSinceOwnReconcile(playbook, caseCode, from, held) || UnchangedSinceOwnReconcile(playbook, caseCode, held.Version, held)))
        {
            CarryWaiting(playbook, caseCode);
            return;
        }

        // Owed by the append that opened the case (it started from an empty stream, or began the run
        // of appends the row owes for): nothing can have set its timers yet, so the first pass writes
        // them without reading. A reconcile that did run (a crash before the row's delete, another
        // instance's sweep, this instance before a later append owed the row again) left the note,
        // whose insert then collides and the next pass reads.
        var fromOpening = fromVersion == 0 ? true : owedFromOpening;
        var openedByOwedAppend = fromOpening == true && (fromVersion == 0 || reconciled?.Knows(caseCode) != true);
        while (true)
        {
            var after = held ?? await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
            held = null;
            if (!after.State.Exists)
            {
                return;
            }

            var stored = openedByOwedAppend ? NoTimersYet : await timers.ReadAsync(caseCode, cancellationToken).ConfigureAwait(false);
            openedByOwedAppend = false;
            var noted = stored.Note is { } note ? JsonSerializer.Deserialize<CaseTimerBasis>(note.Text, NoteJson) : null;
            if (noted is not null && noted.Version >= after.Version)
            {
                // Reconciled from a newer view elsewhere: what this instance knew of the partition is stale.
                reconciled?.Forget(caseCode);
                return;
            }

            var at = time.GetUtcNow();

            // No note, and the owed run began with the opening: nothing was set, whatever the case
            // looked like at the row's FromVersion (the last append's). Taken from there, a case
            // opened and acknowledged before its first follow-up would seem to have had its single
            // points (the decision window's) set already, and would never get them.
            var was = noted
                ?? (knownBefore is not null ? Basis(playbook, knownBefore, 0, at) : null)
                ?? await BasisAtAsync(playbook, caseCode, fromOpening == true ? 0 : fromVersion ?? after.Version, after, at, cancellationToken).ConfigureAwait(false);
            var now = Basis(playbook, after.State, after.Version, at);

            // The index first: if the timers' change then fails, the next reconcile does both again.
            // No note: never reconciled, or timers set before notes were kept.
            if (noted is null || !was.Exists || was.Stage != now.Stage || was.NextDeadline != now.NextDeadline || was.NextDeadlineName != now.NextDeadlineName)
            {
                await index.RecordAsync(
                    new CaseIndexEntry(caseCode, after.State.Partnership, now.Stage!, now.NextDeadline, now.NextDeadlineName, after.State.OpenedAt, after.Version),
                    likelyNew: noted is null,
                    cancellationToken).ConfigureAwait(false);
            }

            var (schedule, cancel) = TimerChanges(playbook, after.State, was, now, stored.Timers, at);

            // Nothing to change and the note still describes the case (an append such as a vote moved
            // only its version): no write. The note stays a true basis for the next reconcile.
            if (schedule.Count == 0 && cancel.Count == 0 && noted is not null && noted with { Version = now.Version } == now)
            {
                reconciled?.Remember(caseCode, after.Version, noted, stored.Timers);
                CarryWaiting(playbook, caseCode);
                return;
            }

            reconciled?.Forget(caseCode);
            if (await timers.ApplyAsync(caseCode, schedule, cancel, new NoteChange(JsonSerializer.Serialize(now, NoteJson), stored.Note?.ETag), cancellationToken).ConfigureAwait(false))
            {
                var cancelled = cancel.ToHashSet(StringComparer.Ordinal);
                reconciled?.Remember(caseCode, after.Version, now, stored.Timers.Where(t => !cancelled.Contains(t.Id)).Concat(schedule));
                CarryWaiting(playbook, caseCode);
                return;
            }

            // Another reconcile or a timer firing changed the partition since it was read: read again.
        }
    }

    /// <summary>
    /// Whether the case as held (at the version the follow-up row owes up to) calls for no change to
    /// the timers, the note or the index row as this instance's own last reconcile left them, that
    /// reconcile having been at the version the row's append was made on (<paramref name="fromVersion"/>:
    /// one append since, the row's own). The same test as a reconcile's, made against the partition as
    /// remembered; a reminder or prompt due by now counts as gone (it may have fired and been deleted),
    /// so a case that still plans one reads. When true the follow-up needs no storage call for its timers.
    /// </summary>
    private bool UnchangedSinceOwnReconcile(Playbook playbook, string caseCode, long fromVersion, Versioned<CaseState> held)
    {
        if (reconciled?.At(caseCode, fromVersion) is not { } known || !held.State.Exists)
        {
            return false;
        }

        var at = time.GetUtcNow();
        var now = Basis(playbook, held.State, held.Version, at);
        var still = known.Timers.Values.Where(t => t.DueAt > at).ToList();
        var (schedule, cancel) = TimerChanges(playbook, held.State, known.Note, now, still, at);
        if (schedule.Count > 0 || cancel.Count > 0 || known.Note with { Version = now.Version } != now)
        {
            return false;
        }

        reconciled.Remember(caseCode, held.Version, known.Note, still);
        return true;
    }

    /// <summary>
    /// An append made while this instance follows the case up (a step's own record: the referrer's
    /// letter, the managers' notice) carries what this instance remembers of the case's timer
    /// partition on to the new version, when the case as it now stands calls for no change to it.
    /// Checked at each such append in turn, so every version in between is one whose reconcile, by
    /// this instance or another's sweep, changes nothing: the follow-up's next look, owed by these
    /// appends, needs no read of the timers. An append made while the follow-up's reconcile is under
    /// way (the referrer's acknowledgement, recorded by intake as the case's first follow-up sets its
    /// timers) is on a version that reconcile has not remembered yet: it waits, and is checked in turn
    /// once the reconcile remembers what it left. An append on a version never remembered carries nothing.
    /// </summary>
    private void KeepRememberedThrough(string caseCode, AppendOutcome<CaseState> outcome)
    {
        if (reconciled is null || followUps is null || !followUps.IsRunning(caseCode) || playbooks.ForCaseCode(caseCode) is not { } playbook)
        {
            return;
        }

        // Every append waits its turn and is checked at once when its version is remembered already;
        // otherwise the reconcile under way checks it when it remembers what it left.
        reconciled.Wait(caseCode, new ReconciledTimers.WaitingAppend(outcome.Appended[0].Sequence - 1, outcome.Current));
        CarryWaiting(playbook, caseCode);
    }

    /// <summary>The case's waiting appends, checked in order against what its last reconcile left, as far as that reaches.</summary>
    private void CarryWaiting(Playbook playbook, string caseCode)
    {
        while (reconciled?.TakeWaiting(caseCode) is { } append)
        {
            _ = UnchangedSinceOwnReconcile(playbook, caseCode, append.FromVersion, append.After);
        }
    }

    /// <summary>What the case calls for against what is stored: every planned timer not stored as
    /// planned is (re)scheduled; a stored reminder or prompt still to come that is no longer planned
    /// is cancelled (one already due is left to fire: its handler checks the case); the single points
    /// follow their change since the timers were last set.</summary>
    private (List<DurableTimer> Schedule, List<string> Cancel) TimerChanges(
        Playbook playbook, CaseState state, CaseTimerBasis was, CaseTimerBasis now, IReadOnlyList<DurableTimer> stored, DateTimeOffset at)
    {
        var byId = stored.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var planned = PlanReminders(playbook, state, at).Select(CaseDeadlineTimer.From)
            .Concat(PlanSignOffPrompts(playbook, state, at).Select(p => new DurableTimer(p.Id, SignOffPrompts.TimerKind, p.CaseCode, p.FireAt, SignOffPrompts.Payload(p))))
            .GroupBy(t => t.Id, StringComparer.Ordinal).Select(g => g.First())
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
        var schedule = planned.Values.Where(t => !byId.TryGetValue(t.Id, out var s) || s.DueAt != t.DueAt || s.Payload != t.Payload).ToList();
        var cancel = stored
            .Where(t => t.Kind is CaseDeadlineTimer.TimerKind or SignOffPrompts.TimerKind && t.DueAt > at && !planned.ContainsKey(t.Id))
            .Select(t => t.Id)
            .ToList();

        Point(AfterwardsPoint.TimerId(state.CaseCode), AfterwardsPoint.TimerKind, was.AfterwardsDueAt, now.AfterwardsDueAt);
        Point(ReportDraftPoint.TimerId(state.CaseCode), ReportDraftPoint.TimerKind, was.ReportDraftDueAt, now.ReportDraftDueAt);
        // The decision window's timer goes whenever it is stored and the case awaits no decision, whatever
        // the note says: a note written before the window's due time was kept holds none, and the window
        // may have been set directly (DecisionWindow.KeepAsync). A decision's follow-up so needs no call
        // of its own to cancel it.
        Point(DecisionWindowPoint.TimerId(state.CaseCode), DecisionWindowPoint.TimerKind, was.DecisionWindowDueAt, now.DecisionWindowDueAt, strayGoes: true);
        Point(CrossBoundaryPoint.TimerId(state.CaseCode), CrossBoundaryPoint.TimerKind, was.CrossBoundaryDueAt, now.CrossBoundaryDueAt);

        // A new version is announced in the thread (and, when it voided sign-offs, to the partners) by a timer due now.
        if (now.ReportVersion is { } version && version != was.ReportVersion)
        {
            schedule.Add(new DurableTimer(ReportAnnouncement.TimerId(state.CaseCode, version), ReportAnnouncement.TimerKind, state.CaseCode, at, "{}"));
        }

        // The National Panel's date coming before the case's own submission deadline is told once, by a timer due now.
        if (now.PanelDateEarlier is { } panelDate && panelDate != was.PanelDateEarlier)
        {
            schedule.Add(new DurableTimer(PanelDateRules.NoticeId(state.CaseCode, panelDate), PanelDateRules.TimerKind, state.CaseCode, at, "{}"));
        }

        return (schedule, cancel);

        void Point(string id, string kind, DateTimeOffset? wasDue, DateTimeOffset? nowDue, bool strayGoes = false)
        {
            if (wasDue == nowDue && !(strayGoes && nowDue is null && byId.ContainsKey(id)))
            {
                return;
            }

            if (nowDue is { } dueAt)
            {
                schedule.Add(new DurableTimer(id, kind, state.CaseCode, dueAt, "{}"));
            }
            else if (byId.ContainsKey(id))
            {
                cancel.Add(id);
            }
        }
    }

    /// <summary>Runs the follow-up of an append: after the reply when a worker serves the queue, else before returning.</summary>
    private async Task FollowUpAsync(string caseCode, CaseState before, CancellationToken cancellationToken)
    {
        if (FollowsUpAfterReply)
        {
            followUps!.Owe(caseCode);
            return;
        }

        var row = owed is null ? null : await owed.FindAsync(caseCode, cancellationToken).ConfigureAwait(false);
        await ReconcileAsync(caseCode, before, row?.FromVersion, null, row?.FromOpening, cancellationToken).ConfigureAwait(false);

        // A step still owed (what follows a decision) keeps the row: whoever started it completes it.
        if (row is not null && !await OwesStepsAsync(caseCode, cancellationToken).ConfigureAwait(false))
        {
            await owed!.CompleteAsync(row, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> OwesStepsAsync(string caseCode, CancellationToken cancellationToken)
    {
        if (steps is null)
        {
            return false;
        }

        var state = (await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false)).State;
        return state.Exists && steps.Any(s => s.IsOwed(state));
    }

    /// <summary>The case as it stood at <paramref name="version"/>, for a case whose timers were set
    /// before notes were kept: one read of its stream (none for a case just opened).</summary>
    private async Task<CaseTimerBasis> BasisAtAsync(Playbook playbook, string caseCode, long version, Versioned<CaseState> after, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (version >= after.Version || fold is null)
        {
            return Basis(playbook, after.State, version, at);
        }

        var state = fold.Initial(caseCode);
        if (version > 0)
        {
            foreach (var e in await events.ReadAsync(caseCode, 0, cancellationToken).ConfigureAwait(false))
            {
                if (e.Sequence > version)
                {
                    break;
                }

                state = fold.Apply(state, e);
            }
        }

        return Basis(playbook, state, version, at);
    }

    private CaseTimerBasis Basis(Playbook playbook, CaseState state, long version, DateTimeOffset at)
    {
        var next = state.Exists ? NextDeadline(playbook, state, at) : null;
        return new CaseTimerBasis(
            version,
            state.Exists,
            state.Exists ? state.Stage.ToString() : null,
            next?.DueAt,
            next?.Name,
            AfterwardsPoint.DueAt(playbook, state),
            ReportDraftPoint.DueAt(playbook, state, schedule.Calendar),
            state.CurrentReportVersion?.Number,
            state.Exists ? PanelDateRules.Earlier(playbook, state, schedule.Timetable(playbook, state))?.PanelDate : null,
            DecisionWindowPoint.DueAt(schedule, playbook, state),
            CrossBoundaryPoint.DueAt(playbook, state));
    }
}

/// <summary>What a case's timers and index row were last set from: kept as the note beside its timers.</summary>
public sealed record CaseTimerBasis(
    long Version,
    bool Exists,
    string? Stage,
    DateTimeOffset? NextDeadline,
    string? NextDeadlineName,
    DateTimeOffset? AfterwardsDueAt,
    DateTimeOffset? ReportDraftDueAt,
    int? ReportVersion,
    DateOnly? PanelDateEarlier = null,
    DateTimeOffset? DecisionWindowDueAt = null,
    DateTimeOffset? CrossBoundaryDueAt = null);
