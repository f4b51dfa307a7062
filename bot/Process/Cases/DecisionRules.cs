using System.Collections.Immutable;
using TeamsReviewBot.Process.Streams;

namespace TeamsReviewBot.Process.Cases;

/// <summary>One seat's vote as cast on the card: the outcome, the rationale and the threshold answers.</summary>
public sealed record Ballot(string Seat, bool ByDeputy, string Outcome, string Rationale, ImmutableDictionary<string, string> Answers, Actor Actor);

/// <summary>
/// The threshold decision's own moves on a case, beside <see cref="CaseRules"/>: decide functions of
/// the case as it stands and the moment, returning the events to append. Each makes its command
/// happen once by looking at the folded state (a vote cast again, a referrer already told), so the
/// check is part of the same append. Refusals are <see cref="CaseRuleException"/> sentences.
/// </summary>
public static class DecisionRules
{
    /// <summary>Why a case is put to the panel, as its audit trail says.</summary>
    public const string PutToPanelReason = "Referral put to the panel for the threshold decision.";

    /// <summary>Opens a case from a referral entered by hand, with the referral's summary; opened already, nothing.</summary>
    public static IReadOnlyList<NewEvent> OpenFromForm(CaseRules rules, CaseState state, string caseCode, string referralKind, DateTimeOffset receivedAt, ReferralSummary summary, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Exists)
        {
            return [];
        }

        var events = rules.Open(caseCode, referralKind, receivedAt, actor, "Referral entered by a business manager in Teams.", now).ToList();
        events.Insert(1, Event(PanelEventTypes.ReferralRecorded, new ReferralRecorded(summary, null, actor, "Referral details recorded from the refer form; the child's details are sealed apart."), now));
        return events;
    }

    /// <summary>
    /// Opens a case from the refer form and puts it to the panel in the same append, so a case never
    /// stands open but not put (the thread is posted after, from the case's follow-up row). A
    /// referral the playbook decides without a vote is decided on opening and not put. Opened already, nothing.
    /// </summary>
    public static IReadOnlyList<NewEvent> OpenFromFormToPanel(CaseRules rules, CaseState state, string caseCode, string referralKind, DateTimeOffset receivedAt, ReferralSummary summary, Actor actor, DateTimeOffset now)
    {
        var opened = OpenFromForm(rules, state, caseCode, referralKind, receivedAt, summary, actor, now);
        return ToPanelOnOpening(opened, actor, now);
    }

    /// <summary>
    /// The events that open a case, with the case put to the panel in the same append (a referral
    /// by email as by the refer form), so a case never stands open but not put; the thread is posted
    /// after, from the case's follow-up row. A referral the playbook decides without a vote is
    /// decided on opening and not put. Nothing opened (open already), nothing added.
    /// </summary>
    public static IReadOnlyList<NewEvent> ToPanelOnOpening(IReadOnlyList<NewEvent> opened, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.Count == 0 || opened.Any(e => e.Type == CaseEventTypes.DecisionRecorded))
        {
            return opened;
        }

        // The event rules.PutToPanel appends for a case just referred (this one is, once these are stored).
        return [.. opened, Event(CaseEventTypes.PutToPanel, new PutToPanel(actor, PutToPanelReason), now)];
    }

    /// <summary>Records the panel thread (if posted and not recorded yet) and puts the case to the panel (if not yet).</summary>
    public static IReadOnlyList<NewEvent> PutToPanel(CaseRules rules, CaseState state, PanelThreadOpened? posted, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);
        var events = new List<NewEvent>();
        if (posted is not null && state.Thread is null)
        {
            events.Add(Event(PanelEventTypes.PanelThreadOpened, posted, now));
        }

        if (state.Stage == CaseStage.Referred)
        {
            events.AddRange(rules.PutToPanel(state, actor, now));
        }

        return events;
    }

    /// <summary>
    /// A seat's vote with its answers. Nothing while the vote is not open (the caller says why), and
    /// nothing for the same vote cast again (a retry or a double click).
    /// </summary>
    public static IReadOnlyList<NewEvent> Vote(CaseRules rules, CaseState state, Ballot ballot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ballot);
        if (state.Stage != CaseStage.AwaitingDecision)
        {
            return [];
        }

        if (state.SeatVotes.TryGetValue(ballot.Seat, out var earlier) && IsRepeat(earlier, ballot))
        {
            return [];
        }

        return
        [
            Event(PanelEventTypes.ThresholdQuestionsAnswered, new ThresholdQuestionsAnswered(ballot.Seat, ballot.Answers, ballot.Actor), now),
            .. rules.CastVote(state, ballot.Seat, ballot.Outcome, ballot.Rationale, ballot.Actor, ballot.ByDeputy, now),
        ];
    }

    /// <summary>The business manager decides alone where the playbook allows it, or resolves an escalation; decided already, nothing.</summary>
    public static IReadOnlyList<NewEvent> BusinessManagerDecides(CaseRules rules, CaseState state, string outcome, string rationale, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(state);

        // A decided escalation route (a panel outcome of its own) is resolved like an escalated vote.
        if (state.Decision is not null && state.Stage != CaseStage.Escalated)
        {
            return [];
        }

        return state.Stage == CaseStage.Escalated
            ? rules.ResolveEscalation(state, outcome, rationale, actor, now)
            : rules.BusinessManagerDecides(state, outcome, rationale, actor, now);
    }

    /// <summary>Someone pressed a button they may not use: the attempt goes on the case's audit trail.</summary>
    public static IReadOnlyList<NewEvent> Refuse(CaseState state, string verb, Actor actor, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Exists ? [Event(PanelEventTypes.CardActionRefused, new CardActionRefused(verb, actor, reason), now)] : [];
    }

    /// <summary>An authorised member looked at the child's details: every look is recorded.</summary>
    public static IReadOnlyList<NewEvent> ViewReferral(CaseState state, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Exists ? [Event(PanelEventTypes.ReferralViewed, new ReferralViewed(actor, "Opened the referral's details in a view only they could see."), now)] : [];
    }

    /// <summary>The referrer was emailed the decision: once per outcome.</summary>
    public static IReadOnlyList<NewEvent> ReferrerInformed(CaseState state, ReferrerInformed informed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(informed);
        return state.ReferrerInformed?.Outcome == informed.Outcome ? [] : [Event(PanelEventTypes.ReferrerInformed, informed, now)];
    }

    /// <summary>The business managers were told: once per notice.</summary>
    public static IReadOnlyList<NewEvent> ManagersNotified(CaseState state, BusinessManagersNotified notified, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(notified);
        return state.Notifications.Contains(notified.NotificationId) ? [] : [Event(CaseEventTypes.BusinessManagersNotified, notified, now)];
    }

    /// <summary>"decided" or "escalated" when these events owe the decision's follow-up, else null.</summary>
    public static string? FollowUpOwed(IEnumerable<string> eventTypes)
    {
        var types = eventTypes.ToList();
        return types.Contains(CaseEventTypes.DecisionRecorded) ? "decided"
            : types.Contains(CaseEventTypes.DecisionEscalated) ? "escalated"
            : null;
    }

    /// <summary>"decided" or "escalated" when the case stands there (a follow-up is owed), else null.</summary>
    public static string? FollowUpOwed(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Decision is not null ? "decided" : state.Stage == CaseStage.Escalated ? "escalated" : null;
    }

    /// <summary>Whether the stream holds this very ballot as its seat's vote (cast now, or by an earlier press).</summary>
    public static bool Holds(CaseState state, Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ballot);
        return state.SeatVotes.TryGetValue(ballot.Seat, out var counted) && IsRepeat(counted, ballot);
    }

    private static bool IsRepeat(SeatVote earlier, Ballot ballot) =>
        earlier.Outcome == ballot.Outcome
        && earlier.Rationale == ballot.Rationale
        && earlier.ByDeputy == ballot.ByDeputy
        && earlier.VoterObjectId == ballot.Actor.ObjectId
        && earlier.Answers.Count == ballot.Answers.Count
        && earlier.Answers.All(a => ballot.Answers.TryGetValue(a.Key, out var v) && v == a.Value);

    private static NewEvent Event<T>(string type, T data, DateTimeOffset at) => new(type, CaseJson.Write(data), at);
}
