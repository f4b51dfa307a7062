using System.Collections.Immutable;
using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.CardActions;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Cases;
using ProcessActor = TeamsReviewBot.Process.Cases.Actor;
using TeamsActor = TeamsReviewBot.Identity.Caller;

namespace TeamsReviewBot.Workflows.ThresholdDecision;

/// <summary>A case opened by hand, whether its panel thread could be posted, and whether it was
/// open already (the same form submitted again).</summary>
public sealed record OpenedReferral(string CaseCode, string? ThreadFailure, bool WasOpenAlready = false);

/// <summary>
/// The threshold decision of a case: opens the panel thread, records votes through the process's
/// guarded rules (one append per click, state from memory, a stale view collides and retries),
/// lets the rule decide the moment it can, and hands the consequences to <see cref="DecisionFollowUp"/>.
/// Every refusal and every view of the child's details is an event on the case stream.
/// </summary>
public sealed partial class ThresholdDecisionService(
    AggregateStore<PanelCase> cases,
    PlaybookCatalogue playbooks,
    CaseSchedule schedule,
    SeatResolver seats,
    PanelViews views,
    PanelThread thread,
    DecisionFollowUpOutbox followUps,
    DurableTimerStore timers,
    CaseService caseService,
    CaseCodeAllocator codes,
    ReferralVault vault,
    TimeProvider time,
    ILogger<ThresholdDecisionService> logger)
{
    public const string WindowTimerKind = "threshold-decision-window";

    public Task<Versioned<PanelCase>> LoadAsync(string caseCode, CancellationToken cancellationToken) => cases.LoadAsync(caseCode, cancellationToken);

    /// <summary>A new case code for a referral entered by hand, from its partnership and year.</summary>
    public Task<string> NextCodeAsync(ReferralForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var playbook = playbooks.Get(form.Partnership);
        return codes.NextAsync(playbook.CaseCode.Prefix, WorkingDayCalendar.ToLondon(form.ReceivedAt).Year, cancellationToken);
    }

    /// <summary>
    /// Opens case <paramref name="code"/> (the code reserved for this form) from a referral entered
    /// by hand and puts it to the panel. Whether it is open already is decided with the append, so a
    /// form pressed again (after a failure, or twice) opens its one case once.
    /// </summary>
    public async Task<OpenedReferral> OpenReferralAsync(string code, ReferralForm form, TeamsActor by, CancellationToken cancellationToken)
    {
        if (Check(form) is { } problem)
        {
            throw new CaseRuleException(problem);
        }

        var playbook = playbooks.Get(form.Partnership);
        var now = time.GetUtcNow();
        var actor = CaseActors.From(by);
        var rules = new CaseRules(playbook, schedule);
        // The child's details are sealed apart before the case records that it has them.
        await vault.SealAsync(code, IntakeReferralReading.Sealed(form.Child), cancellationToken).ConfigureAwait(false);
        var opened = await AppendAsync(code, state =>
        {
            if (state.Case.Exists)
            {
                return [];
            }

            var events = rules.Open(code, form.ReferralKind, form.ReceivedAt, actor, "Referral entered by a business manager in Teams.", now).ToList();
            events.Insert(1, Event(PanelEventTypes.ReferralRecorded, new ReferralRecorded(form.Summary, null, actor, "Referral details recorded from the refer form; the child's details are sealed apart."), now));
            return events;
        }, cancellationToken).ConfigureAwait(false);
        var wasOpenAlready = opened.Appended.Count == 0;
        if (!wasOpenAlready)
        {
            LogOpened(logger, code, playbook.Key);
        }

        // A first attempt may have stopped after the open: putting to the panel again finishes it.
        var failure = await PutToPanelAsync(code, actor, cancellationToken).ConfigureAwait(false);
        return new OpenedReferral(code, failure, wasOpenAlready);
    }

    /// <summary>Why a referral cannot open a case, or null when it can.</summary>
    public string? Check(ReferralForm form)
    {
        if (playbooks.Find(form.Partnership) is null)
        {
            return $"There is no partnership '{form.Partnership}'. The partnerships are: {string.Join(", ", playbooks.Keys)}.";
        }

        if (form.ReferralKind is not (CaseRules.Referral or CaseRules.SeriousIncidentNotification))
        {
            return $"A case is opened from a referral or a serious incident notification, not '{form.ReferralKind}'.";
        }

        return form.ReceivedAt > time.GetUtcNow()
            ? $"The referral cannot have been received in the future ({BritishDates.DateAndTime(form.ReceivedAt)})."
            : null;
    }

    /// <summary>
    /// Posts the case's thread in the panel channel and opens the vote (or, where the playbook needs
    /// no vote, shows the decision). Returns why the thread could not be posted, or null.
    /// </summary>
    public async Task<string?> PutToPanelAsync(string caseCode, ProcessActor actor, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var panel = loaded.State;
        if (!panel.Case.Exists)
        {
            throw new CaseRuleException($"There is no case {caseCode}.");
        }

        if (panel.Thread is not null)
        {
            return null;
        }

        var playbook = playbooks.Get(panel.Case.Partnership);
        var rules = new CaseRules(playbook, schedule);
        var now = time.GetUtcNow();
        // The card shows the vote as open: build it from the state as it will be once put to the panel.
        var card = PanelCards.Shared(await views.BuildAsync(playbook, panel, cancellationToken).ConfigureAwait(false));
        var (opened, failure) = await thread.StartAsync(playbook, caseCode, card, actor, cancellationToken).ConfigureAwait(false);
        var result = await AppendAsync(caseCode, state =>
        {
            var events = new List<NewEvent>();
            if (opened is not null && state.Thread is null)
            {
                events.Add(Event(PanelEventTypes.PanelThreadOpened, opened, now));
            }

            if (state.Case.Stage == CaseStage.Referred)
            {
                events.AddRange(rules.PutToPanel(state.Case, actor, now));
            }

            return events;
        }, cancellationToken).ConfigureAwait(false);

        var state = result.Current.State;
        if (state.Case.Stage == CaseStage.AwaitingDecision)
        {
            var window = schedule.Timetable(playbook, state.Case).Get("decision").DueAt;
            await timers.ScheduleAsync(new DurableTimer($"{caseCode}:decision-window", WindowTimerKind, caseCode, window, "{}"), cancellationToken).ConfigureAwait(false);
        }

        await AfterChangeAsync(caseCode, state, result.Appended, alwaysFollowUp: state.Decision is not null, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    /// <summary>One click of "Cast my vote". Retries and double clicks of the same vote add nothing.</summary>
    public async Task<CardActionResult> CastVoteAsync(string caseCode, TeamsActor voter, VoteInput input, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!loaded.State.Case.Exists)
        {
            return CardActionResult.Message($"There is no case {caseCode}; nothing was recorded.");
        }

        var playbook = playbooks.Get(loaded.State.Case.Partnership);
        if (seats.Resolve(playbook, voter) is not { } claim)
        {
            await RefuseAsync(caseCode, PanelCards.VoteVerb, voter, $"{voter.Describe()} holds no voting seat on the {playbook.Name} panel.", cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"Only the voting members of the {playbook.Name} panel can vote on case {caseCode}, and you are not one of them, so your vote was not counted. This attempt is recorded on the case's audit trail.");
        }

        var missing = PanelCards.ThresholdQuestions.Where(q => !input.Answers.ContainsKey(q.Key)).Select(q => q.Question).ToList();
        if (missing.Count > 0 || string.IsNullOrWhiteSpace(input.Outcome))
        {
            var what = missing.Count > 0 ? $"answer every threshold question ({string.Join(" ", missing)})" : "choose an outcome";
            return await PersonalAsync(loaded.State, playbook, voter, $"Please {what}; your vote was not recorded.", cancellationToken).ConfigureAwait(false);
        }

        var actor = CaseActors.From(voter, claim);
        var rules = new CaseRules(playbook, schedule);
        var now = time.GetUtcNow();
        var answers = input.Answers.ToImmutableDictionary(StringComparer.Ordinal);
        AppendOutcome<PanelCase> result;
        try
        {
            result = await AppendAsync(caseCode, state =>
            {
                if (state.Case.Stage != CaseStage.AwaitingDecision)
                {
                    return [];
                }

                if (state.Votes.TryGetValue(claim.Seat.Key, out var earlier) && IsRepeat(earlier, input, answers, claim, actor))
                {
                    return [];
                }

                var events = new List<NewEvent> { Event(PanelEventTypes.ThresholdQuestionsAnswered, new ThresholdQuestionsAnswered(claim.Seat.Key, answers, actor), now) };
                events.AddRange(rules.CastVote(state.Case, claim.Seat.Key, input.Outcome, input.Rationale.Trim(), actor, claim.ByDeputy, now));
                return events;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            var current = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
            return await PersonalAsync(current.State, playbook, voter, ex.Message + " Your vote was not recorded.", cancellationToken).ConfigureAwait(false);
        }

        string? notice = null;
        if (result.Appended.Count == 0 && result.Current.State.Case.Stage != CaseStage.AwaitingDecision)
        {
            notice = result.Current.State.Decision is not null
                ? "The decision had already been made, so your vote was not counted."
                : $"Votes are closed: case {caseCode} is {CaseStageNames.Describe(result.Current.State.Case.Stage)}, so your vote was not counted.";
        }
        else if (result.Appended.Count > 0)
        {
            LogVoted(logger, caseCode, claim.Seat.Key, result.Attempts);
        }

        await AfterChangeAsync(caseCode, result.Current.State, result.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return await PersonalAsync(result.Current.State, playbook, voter, notice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The business manager decides alone where the playbook allows it, or records how an escalation was resolved.</summary>
    public async Task<CardActionResult> BusinessManagerDecidesAsync(string caseCode, TeamsActor manager, string outcome, string rationale, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!loaded.State.Case.Exists)
        {
            return CardActionResult.Message($"There is no case {caseCode}; nothing was recorded.");
        }

        var playbook = playbooks.Get(loaded.State.Case.Partnership);
        if (!manager.Holds(PartnershipRole.BusinessManager))
        {
            await RefuseAsync(caseCode, PanelCards.DecideAloneVerb, manager, $"{manager.Describe()} is not a business manager.", cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"Only a business manager can record a decision alone on case {caseCode}; nothing was recorded. This attempt is recorded on the case's audit trail.");
        }

        var actor = CaseActors.From(manager, seats.Resolve(playbook, manager));
        var rules = new CaseRules(playbook, schedule);
        var now = time.GetUtcNow();
        AppendOutcome<PanelCase> result;
        try
        {
            result = await AppendAsync(caseCode, state =>
            {
                // A decided escalation route (a panel outcome of its own) is resolved like an escalated vote.
                if (state.Decision is not null && state.Case.Stage != CaseStage.Escalated)
                {
                    return [];
                }

                return state.Case.Stage == CaseStage.Escalated
                    ? rules.ResolveEscalation(state.Case, outcome, rationale.Trim(), actor, now)
                    : rules.BusinessManagerDecides(state.Case, outcome, rationale.Trim(), actor, now);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (CaseRuleException ex)
        {
            return await PersonalAsync(loaded.State, playbook, manager, ex.Message + " Nothing was recorded.", cancellationToken).ConfigureAwait(false);
        }

        await AfterChangeAsync(caseCode, result.Current.State, result.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return await PersonalAsync(result.Current.State, playbook, manager, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The card as this person should see it: their vote card if they hold an open seat, else the shared card.</summary>
    public async Task<CardActionResult> ViewAsync(string caseCode, TeamsActor viewer, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!loaded.State.Case.Exists)
        {
            return CardActionResult.Message($"There is no case {caseCode}.");
        }

        return await PersonalAsync(loaded.State, playbooks.Get(loaded.State.Case.Partnership), viewer, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows the child's details to an authorised member only, and records that they looked.</summary>
    public async Task<CardActionResult> ViewReferralAsync(string caseCode, TeamsActor viewer, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!loaded.State.Case.Exists)
        {
            return CardActionResult.Message($"There is no case {caseCode}.");
        }

        var playbook = playbooks.Get(loaded.State.Case.Partnership);
        // Only the panel's seats and the business managers: other roles (a scrutineer, say) do not see the child.
        if (!viewer.Holds(PartnershipRole.BusinessManager) && seats.Resolve(playbook, viewer) is null)
        {
            await RefuseAsync(caseCode, PanelCards.ViewReferralVerb, viewer, $"{viewer.Describe()} holds no seat on the panel and is not a business manager.", cancellationToken).ConfigureAwait(false);
            return CardActionResult.Message($"The referral's details are shown only to the partnership's panel members and business managers; you are not one of them, so nothing was shown. This attempt is recorded on the case's audit trail.");
        }

        if (loaded.State.Referral is not { } referral)
        {
            return CardActionResult.Message($"Case {caseCode} has no referral details on record.");
        }

        var now = time.GetUtcNow();
        var actor = CaseActors.From(viewer, seats.Resolve(playbook, viewer));
        var result = await AppendAsync(caseCode, _ => [Event(PanelEventTypes.ReferralViewed, new ReferralViewed(actor, "Opened the referral's details in a view only they could see."), now)], cancellationToken).ConfigureAwait(false);
        var view = await views.BuildAsync(playbook, result.Current.State, cancellationToken, viewer.TeamsUserId).ConfigureAwait(false);
        // Sealed apart since; a stream recorded before that still carries them in clear.
        var child = await vault.OpenAsync(caseCode, cancellationToken).ConfigureAwait(false) is { } sealedReferral
            ? IntakeReferralReading.Child(sealedReferral)
            : referral.Child ?? new ChildDetails("not on record", null, "not on record");
        return CardActionResult.Card(PanelCards.ReferralDetails(view, child, viewer.DisplayName, now));
    }

    /// <summary>Records the date the National Panel was notified (which may start the playbook's 15-day clock).</summary>
    public async Task<string> RecordNotifiedAsync(string caseCode, DateOnly notifiedOn, TeamsActor by, CancellationToken cancellationToken)
    {
        var (existing, playbook) = await ExistingCaseAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var mayRecord = by.Holds(PartnershipRole.BusinessManager)
            || by.Roles.Any(r => r.Role is PartnershipRole.StatutoryLead or PartnershipRole.Deputy && r.Partner == StatutoryPartner.LocalAuthority);
        if (!mayRecord)
        {
            await RefuseAsync(caseCode, PanelCards.NotifiedVerb, by, $"{by.Describe()} is neither a business manager nor the local authority's lead or deputy.", cancellationToken).ConfigureAwait(false);
            throw new CaseRuleException("Only a business manager or the local authority's lead (or deputy) can record the National Panel notification; nothing was recorded. This attempt is recorded on the case's audit trail.");
        }

        var now = time.GetUtcNow();
        var today = WorkingDayCalendar.LondonDate(now);
        if (notifiedOn > today)
        {
            throw new CaseRuleException($"The notification date {BritishDates.Date(notifiedOn)} is in the future; record it once it has been sent.");
        }

        if (notifiedOn < existing.DayZero)
        {
            throw new CaseRuleException($"The notification date {BritishDates.Date(notifiedOn)} is before the case's Day 0 ({BritishDates.Date(existing.DayZero)}).");
        }

        // The event takes the day it happened, so deadlines counted from it start that day.
        var at = notifiedOn == today ? now : WorkingDayCalendar.AtLondon(notifiedOn, playbook.Clock.WorkingDayStarts);
        var actor = CaseActors.From(by);
        var rules = new CaseRules(playbook, schedule);
        var result = await AppendAsync(caseCode, state => rules.NotifyNationalPanel(state.Case, actor, $"Notified on {BritishDates.Date(notifiedOn)} (recorded by {by.DisplayName}).", at), cancellationToken).ConfigureAwait(false);
        await AfterChangeAsync(caseCode, result.Current.State, result.Appended, alwaysFollowUp: false, cancellationToken).ConfigureAwait(false);
        return $"Recorded: the National Panel was notified about case {caseCode} on {BritishDates.Date(notifiedOn)}.";
    }

    /// <summary>
    /// The decision window has passed: the rule is applied to the votes as they stand. The process's
    /// own deadline timer may have applied it a moment earlier; either way what follows the decision
    /// or escalation is carried out (each step once).
    /// </summary>
    public async Task WindowPassedAsync(string caseCode, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        if (!loaded.State.Case.Exists)
        {
            return;
        }

        var playbook = playbooks.Get(loaded.State.Case.Partnership);
        var rules = new CaseRules(playbook, schedule);
        var now = time.GetUtcNow();
        var result = await AppendAsync(caseCode, state => rules.DecisionWindowPassed(state.Case, now), cancellationToken).ConfigureAwait(false);
        var state = result.Current.State;
        await AfterChangeAsync(caseCode, state, result.Appended, alwaysFollowUp: state.Decision is not null || state.Case.Stage == CaseStage.Escalated, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The case as it stands and its playbook; a command naming no case is refused.</summary>
    private async Task<(CaseState Case, Playbook Playbook)> ExistingCaseAsync(string caseCode, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(caseCode, cancellationToken).ConfigureAwait(false);
        var state = loaded.State.Case;
        if (!state.Exists)
        {
            throw new CaseRuleException($"There is no case {caseCode}.");
        }

        return (state, playbooks.Get(state.Partnership));
    }

    /// <summary>Records on the case's audit trail that someone pressed a button they may not use.</summary>
    public async Task RefuseAsync(string caseCode, string verb, TeamsActor who, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var actor = CaseActors.From(who);
        await AppendAsync(caseCode, state => state.Case.Exists ? [Event(PanelEventTypes.CardActionRefused, new CardActionRefused(verb, actor, reason), now)] : [], cancellationToken).ConfigureAwait(false);
        LogRefused(logger, caseCode, verb, actor.ObjectId);
    }

    private async Task<CardActionResult> PersonalAsync(PanelCase panel, Playbook playbook, TeamsActor viewer, string? notice, CancellationToken cancellationToken)
    {
        var view = await views.BuildAsync(playbook, panel, cancellationToken, viewer.TeamsUserId).ConfigureAwait(false);
        var claim = seats.Resolve(playbook, viewer);
        var isManager = viewer.Holds(PartnershipRole.BusinessManager);
        JsonObject card;
        if (panel.Case.Stage == CaseStage.AwaitingDecision && claim is not null)
        {
            var alone = isManager ? (playbook.Decision.BusinessManagerMayDecideAlone is { Count: > 0 } fast ? fast[0] : null) : null;
            card = PanelCards.Vote(view, view.Seats.First(s => s.Key == claim.Seat.Key), claim.ByDeputy, viewer.DisplayName, alone, notice);
        }
        else if (panel.Case.Stage == CaseStage.Escalated && isManager)
        {
            // An escalation is resolved with an outcome that is not itself an escalation.
            var resolvable = playbook.Outcomes.Where(o => o.Kind != OutcomeKind.Escalation).Select(o => o.Key).ToList();
            card = PanelCards.ResolveEscalation(view with { VotableOutcomes = resolvable }, notice);
        }
        else if (panel.Case.Stage == CaseStage.AwaitingDecision && isManager && playbook.Decision.BusinessManagerMayDecideAlone is { Count: > 0 } fastOnly && fastOnly[0] is { } aloneOnly)
        {
            card = PanelCards.DecideAlone(view, aloneOnly, notice);
        }
        else
        {
            card = view.DecidedOutcomeLabel is not null ? PanelCards.Decided(view, notice) : PanelCards.Shared(view);
            if (notice is not null && view.DecidedOutcomeLabel is null)
            {
                return CardActionResult.Message(notice);
            }
        }

        return CardActionResult.Card(card);
    }

    /// <summary>
    /// After an append: edit the shared card in the background or, when the decision was made or
    /// escalated (by this append, or before it when <paramref name="alwaysFollowUp"/>), carry out what
    /// follows. What follows is owed as a durable row before anything else: written before the
    /// append that recorded the decision (see <see cref="AppendAsync"/>), or here when the decision
    /// came without one. Only then is the window timer cancelled and the follow-up run, so a restart
    /// at any point leaves either the row or the window timer to carry it out.
    /// </summary>
    private async Task AfterChangeAsync(string caseCode, PanelCase state, IReadOnlyList<StoredEvent> appended, bool alwaysFollowUp, CancellationToken cancellationToken)
    {
        if (appended.Count == 0 && !alwaysFollowUp)
        {
            return;
        }

        var owedByAppend = DecisionFollowUpOutbox.Owed(appended.Select(e => e.Type));
        var owed = owedByAppend ?? (alwaysFollowUp ? DecisionFollowUpOutbox.Owed(state) : null);
        if (owed is null)
        {
            await followUps.UpdateThreadSoonAsync(caseCode, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (owedByAppend is null)
        {
            await followUps.RecordAsync(caseCode, owed, cancellationToken).ConfigureAwait(false);
        }

        await timers.CancelAsync($"{caseCode}:decision-window", cancellationToken).ConfigureAwait(false);
        await followUps.CarryOutSoonAsync(caseCode, owed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One append to the case through the panel's view of its stream. When it carries process events
    /// (a vote, a decision, a notification), the case index and reminder timers are brought in line
    /// with the state the events were decided on, as the process's own moves do.
    /// </summary>
    private async Task<AppendOutcome<PanelCase>> AppendAsync(string caseCode, Func<PanelCase, IReadOnlyList<NewEvent>> decide, CancellationToken cancellationToken)
    {
        PanelCase? before = null;
        var outcome = await cases.ExecuteAsync(
            caseCode,
            state =>
            {
                before = state;
                return decide(state);
            },
            (events, ct) => DecisionFollowUpOutbox.Owed(events.Select(e => e.Type)) is { } owed
                ? followUps.RecordAsync(caseCode, owed, ct)
                : Task.CompletedTask,
            cancellationToken).ConfigureAwait(false);
        if (before is not null && outcome.Appended.Any(e => !PanelEventTypes.All.Contains(e.Type)))
        {
            await caseService.AfterAppendedElsewhereAsync(before.Case, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private static bool IsRepeat(SeatVote earlier, VoteInput input, ImmutableDictionary<string, string> answers, SeatClaim claim, ProcessActor actor) =>
        earlier.Outcome == input.Outcome
        && earlier.Rationale == input.Rationale.Trim()
        && earlier.ByDeputy == claim.ByDeputy
        && earlier.VoterObjectId == actor.ObjectId
        && earlier.Answers.Count == answers.Count
        && earlier.Answers.All(a => answers.TryGetValue(a.Key, out var v) && v == a.Value);

    internal static NewEvent Event<T>(string type, T data, DateTimeOffset at) => new(type, CaseJson.Write(data), at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseCode} opened for playbook {Playbook}.")]
    private static partial void LogOpened(ILogger logger, string caseCode, string playbook);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vote recorded on case {CaseCode} for seat {Seat} after {Attempts} attempt(s).")]
    private static partial void LogVoted(ILogger logger, string caseCode, string seat, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Verb} on case {CaseCode} by {Actor}.")]
    private static partial void LogRefused(ILogger logger, string caseCode, string verb, string actor);
}
