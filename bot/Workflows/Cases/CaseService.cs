using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.Submission;
using TeamsReviewBot.Storage;

namespace TeamsReviewBot.Workflows.Cases;

/// <summary>
/// The one writer of case streams. Every stage hands it a decide function, (case as it stands, now)
/// → events, with the rules from the process core; it runs it on the folded state (from memory when
/// current), appends what it returns in one write (a colliding append reloads and decides again),
/// keeps the case index in step, and keeps each case's reminder and escalation timers matching its
/// open deadlines — scheduling new ones, replacing moved ones and cancelling those whose step is done.
/// The index and the timers follow after the reply, from the follow-up each append records in its own
/// write (see CaseService.FollowUp.cs).
/// </summary>
public sealed partial class CaseService(
    AggregateStore<CaseState> cases,
    ICaseEventStore events,
    CaseIndexStore index,
    DurableTimerStore timers,
    CaseCodeAllocator codes,
    PlaybookCatalogue playbooks,
    CaseSchedule schedule,
    ReminderPlanner planner,
    TimeProvider time,
    ILogger<CaseService> logger,
    PendingCaseFollowUps? followUps = null,
    CaseFollowUpRows? owed = null,
    IStreamFold<CaseState>? fold = null,
    IEnumerable<ICaseFollowUpStep>? steps = null,
    ReconciledTimers? reconciled = null)
{
    public PlaybookCatalogue Playbooks => playbooks;

    public CaseSchedule Schedule => schedule;

    /// <summary>Opens a case for a referral received at <paramref name="receivedAt"/> and schedules its reminders.</summary>
    public async Task<CaseState> OpenAsync(string partnership, string referralKind, DateTimeOffset receivedAt, Actor actor, string reason, CancellationToken cancellationToken)
    {
        var playbook = playbooks.Find(partnership)
            ?? throw new CaseRuleException($"There is no partnership '{partnership}'. The partnerships are: {string.Join(", ", playbooks.Keys)}.");
        var now = time.GetUtcNow();
        var year = WorkingDayCalendarYear(receivedAt);
        var code = await codes.NextAsync(playbook.CaseCode.Prefix, year, cancellationToken).ConfigureAwait(false);
        var rules = new CaseRules(playbook, schedule);
        var outcome = await cases.StartAsync(
            code,
            state => state.Exists ? throw new CaseRuleException($"Case {code} already exists.") : rules.Open(code, referralKind, receivedAt, actor, reason, now),
            cancellationToken).ConfigureAwait(false);
        await FollowUpAsync(code, new CaseState { StreamId = code }, cancellationToken).ConfigureAwait(false);
        LogOpened(code, playbook.Key);
        return outcome.Current.State;
    }

    /// <summary>
    /// Hands out the next case code for a referral received at <paramref name="receivedAt"/> without
    /// opening the case yet, so a caller that must open exactly one case per referral (mail intake)
    /// can record the code first and open it with <see cref="OpenReservedAsync"/>, retrying safely.
    /// </summary>
    public Task<string> ReserveCodeAsync(string partnership, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var playbook = playbooks.Find(partnership)
            ?? throw new CaseRuleException($"There is no partnership '{partnership}'. The partnerships are: {string.Join(", ", playbooks.Keys)}.");
        return codes.NextAsync(playbook.CaseCode.Prefix, WorkingDayCalendarYear(receivedAt), cancellationToken);
    }

    /// <summary>
    /// Opens the case under a code from <see cref="ReserveCodeAsync"/>. Opening the same code again
    /// (a retry after a crash) opens nothing new and finishes whatever the first try left undone.
    /// </summary>
    public async Task<CaseState> OpenReservedAsync(string caseCode, string partnership, string referralKind, DateTimeOffset receivedAt, Actor actor, string reason, CancellationToken cancellationToken) =>
        (await OpenReservedAsync(caseCode, partnership, referralKind, receivedAt, actor, reason, _ => [], cancellationToken).ConfigureAwait(false)).State;

    /// <summary>
    /// Opens the case under a reserved code with <paramref name="alongside"/> (e.g. the referral as
    /// received) in the same append: one decision, so a case never stands open without them. Returns
    /// whether this call opened it.
    /// </summary>
    public Task<(CaseState State, bool Opened)> OpenReservedAsync(
        string caseCode, string partnership, string referralKind, DateTimeOffset receivedAt, Actor actor, string reason,
        Func<DateTimeOffset, IReadOnlyList<NewEvent>> alongside, CancellationToken cancellationToken) =>
        OpenReservedAsync(caseCode, partnership, referralKind, receivedAt, actor, reason, alongside, putToPanel: false, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="putToPanel"/> the same append also puts the case to the panel
    /// (unless the playbook decides it on opening), as the refer form does: its thread is then a step
    /// of the follow-up that append owes.
    /// </summary>
    public async Task<(CaseState State, bool Opened)> OpenReservedAsync(
        string caseCode, string partnership, string referralKind, DateTimeOffset receivedAt, Actor actor, string reason,
        Func<DateTimeOffset, IReadOnlyList<NewEvent>> alongside, bool putToPanel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alongside);
        var playbook = playbooks.Find(partnership)
            ?? throw new CaseRuleException($"There is no partnership '{partnership}'. The partnerships are: {string.Join(", ", playbooks.Keys)}.");
        var rules = new CaseRules(playbook, schedule);
        // Not read first: a reserved code is new but after a crash, and then the append collides and reads.
        var outcome = await cases.StartAsync(
            caseCode,
            state =>
            {
                // Opened already (a retry after a crash, or the same referral again): nothing new.
                if (state.Exists)
                {
                    return [];
                }

                var now = time.GetUtcNow();
                IReadOnlyList<NewEvent> opening = [.. rules.Open(caseCode, referralKind, receivedAt, actor, reason, now), .. alongside(now)];
                return putToPanel ? DecisionRules.ToPanelOnOpening(opening, actor, now) : opening;
            },
            cancellationToken).ConfigureAwait(false);
        await FollowUpAsync(caseCode, new CaseState { StreamId = caseCode }, cancellationToken).ConfigureAwait(false);
        if (outcome.Appended.Count > 0)
        {
            LogOpened(caseCode, playbook.Key);
        }

        return (outcome.Current.State, outcome.Appended.Count > 0);
    }

    /// <summary>Applies one guarded move to a case. A refused move throws <see cref="CaseRuleException"/> and changes nothing.</summary>
    public async Task<CaseState> ExecuteAsync(string caseCode, Func<CaseRules, CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> move, CancellationToken cancellationToken)
    {
        var rules = RulesForCase(caseCode);
        var change = await DecideAsync(
            caseCode,
            (state, now) => state.Exists ? move(rules, state, now) : throw new CaseRuleException($"There is no case {caseCode}."),
            cancellationToken).ConfigureAwait(false);
        return change.State;
    }

    /// <summary>
    /// Decides on the case as it stands and appends what <paramref name="decide"/> returns, in one
    /// write. Checks that make a command happen once belong inside <paramref name="decide"/>: it
    /// runs again on the whole stream after a collision, so they are atomic with the append. An
    /// empty answer appends nothing. <paramref name="beforeAppend"/> sees the events before they are
    /// written, so a consequence that must not be lost is recorded durably first.
    /// </summary>
    public async Task<CaseChange> DecideAsync(
        string caseCode,
        Func<CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> decide,
        CancellationToken cancellationToken,
        Func<IReadOnlyList<NewEvent>, CancellationToken, Task>? beforeAppend = null)
    {
        ArgumentNullException.ThrowIfNull(decide);
        _ = playbooks.ForCaseCode(caseCode) ?? throw new CaseRuleException($"'{caseCode}' is not a case code of any partnership.");

        // The state the move was decided on (the last try's, after any race) is what the timers are diffed against.
        CaseState? before = null;
        var outcome = await cases.ExecuteAsync(
            caseCode,
            state =>
            {
                before = state;
                return decide(state, time.GetUtcNow());
            },
            beforeAppend,
            cancellationToken).ConfigureAwait(false);
        if (outcome.Appended.Count > 0)
        {
            KeepRememberedThrough(caseCode, outcome);
            await FollowUpAsync(caseCode, before!, cancellationToken).ConfigureAwait(false);
        }

        return new CaseChange(outcome.Current.State, outcome.Appended, outcome.Attempts);
    }

    /// <summary>
    /// <see cref="DecideAsync"/> for a case code handed out a moment ago: the stream is not read
    /// before deciding (it is taken as empty; if it is not, the append collides, reads it and decides again).
    /// </summary>
    public async Task<CaseChange> DecideNewAsync(string caseCode, Func<CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        _ = playbooks.ForCaseCode(caseCode) ?? throw new CaseRuleException($"'{caseCode}' is not a case code of any partnership.");
        CaseState? before = null;
        var outcome = await cases.StartAsync(
            caseCode,
            state =>
            {
                before = state;
                return decide(state, time.GetUtcNow());
            },
            cancellationToken).ConfigureAwait(false);
        if (outcome.Appended.Count > 0)
        {
            await FollowUpAsync(caseCode, before!, cancellationToken).ConfigureAwait(false);
        }

        return new CaseChange(outcome.Current.State, outcome.Appended, outcome.Attempts);
    }

    /// <summary>The rules of the partnership a case code belongs to.</summary>
    public CaseRules RulesForCase(string caseCode) =>
        new(playbooks.ForCaseCode(caseCode) ?? throw new CaseRuleException($"'{caseCode}' is not a case code of any partnership."), schedule);

    /// <summary>
    /// The case as this instance last saw it, read only when it has not seen it yet. For what a
    /// command checks before it decides (who may act, what to show): the decision itself runs on the
    /// whole stream, since a stale view collides on append and is brought up to date.
    /// </summary>
    public async Task<CaseState> CurrentAsync(string caseCode, CancellationToken cancellationToken)
    {
        var seen = (await cases.CurrentAsync(caseCode, cancellationToken).ConfigureAwait(false)).State;

        // A case opened elsewhere since this instance looked has nothing to collide with: read it.
        return seen.Exists ? seen : await LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The case as it stands in the store (reads what was written since this instance last saw it).</summary>
    public async Task<CaseState> LoadAsync(string caseCode, CancellationToken cancellationToken) =>
        (await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false)).State;

    public async Task<CaseState?> FindAsync(string caseCode, CancellationToken cancellationToken)
    {
        if (playbooks.ForCaseCode(caseCode) is null)
        {
            return null;
        }

        var loaded = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        return loaded.State.Exists ? loaded.State : null;
    }

    /// <summary>The case's events in order: its audit trail.</summary>
    public Task<IReadOnlyList<StoredEvent>> HistoryAsync(string caseCode, CancellationToken cancellationToken) =>
        events.ReadAsync(caseCode, 0, cancellationToken);

    /// <summary>The reminders and escalations the case's open deadlines call for, leaving out reminders
    /// whose moment passed before <paramref name="notBefore"/> and any already given.</summary>
    public IReadOnlyList<ReminderPlan> PlanReminders(Playbook playbook, CaseState state, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        if (!state.Exists)
        {
            return [];
        }

        var open = schedule.Open(playbook, state).ToList();
        var plans = planner.Plan(state.CaseCode, open, playbook.Clock.WorkingDayStarts, notBefore);
        return [.. plans.Concat(SubmissionCountdown.Plan(playbook, state.CaseCode, open, plans, schedule.Calendar, notBefore)).Where(p => !state.RemindersSent.Contains(p.Id))];
    }

    private (DateTimeOffset DueAt, string Name)? NextDeadline(Playbook playbook, CaseState state, DateTimeOffset now)
    {
        var open = schedule.Open(playbook, state);
        var next = open.Where(e => e.DueAt >= now).MinBy(e => e.DueAt) ?? open.MinBy(e => e.DueAt);
        return next is null ? null : (next.DueAt, next.Name);
    }

    private static int WorkingDayCalendarYear(DateTimeOffset receivedAt) => Process.Calendar.WorkingDayCalendar.LondonDate(receivedAt).Year;

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseCode} opened for {Partnership}.")]
    private partial void LogOpened(string caseCode, string partnership);
}

/// <summary>The case after a decision, the events it appended (none when nothing changed), and how many tries it took.</summary>
public sealed record CaseChange(CaseState State, IReadOnlyList<StoredEvent> Appended, int Attempts);
