using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.Intake.Referrals;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Cards;

/// <summary>One voting seat on the card: its title and, once cast, its vote.</summary>
public sealed record SeatLine(string Key, string Title, SeatVote? Vote);

/// <summary>A deadline the decision set in motion, for the decision card.</summary>
public sealed record NextStep(string Name, DateTimeOffset DueAt);

/// <summary>The case's Rapid Review meeting as the thread card shows it: booked (time, Teams link) or
/// cancelled with none booked since.</summary>
/// <summary>The case's meeting on its thread card; <paramref name="Answers"/> says who answered the invitation, per statutory partner.</summary>
public sealed record MeetingLine(string Name, DateTimeOffset? At, string? JoinUrl, bool Cancelled, IReadOnlyList<(string Title, string Value)>? Answers = null);

/// <summary>Everything the panel cards show about a case. Holds no child's name, date of birth or address.</summary>
public sealed record PanelCardView(
    string CaseCode,
    string PartnershipName,
    string ReferralKind,
    ReferralSummary? Summary,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DecisionDueAt,
    string RuleSummary,
    IReadOnlyList<SeatLine> Seats,
    IReadOnlyList<(string Key, string Label)> Outcomes,
    IReadOnlyList<string> VotableOutcomes,
    string? DecidedOutcomeLabel,
    string? DecisionRationale,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Escalation,
    IReadOnlyList<NextStep> NextSteps,
    bool NationalPanelNotificationDue,
    DateTimeOffset? NationalPanelNotifiedAt,
    IReadOnlyList<string>? RefreshUserIds,
    MeetingLine? Meeting = null,
    string? Submitted = null);

/// <summary>
/// The cards of a case's panel thread (Adaptive Card 1.5, Action.Execute with Action.Submit
/// fallback). The shared card goes to everyone: the case's facts, who has voted (not how, until the
/// decision: votes stay independent), and a refresh so each voter's client fetches their own card.
/// Once decided the card shows every seat's vote and rationale, and stops refreshing.
/// </summary>
public static class PanelCards
{
    public const string VoteVerb = "vote";
    public const string RefreshVerb = "refresh";
    public const string ViewReferralVerb = "view-referral";
    public const string NotifiedVerb = "notified";
    public const string DecideAloneVerb = "decide-alone";

    /// <summary>The threshold questions every voter answers (Working Together 2023 and the seeds' §3).</summary>
    public static readonly IReadOnlyList<(string Key, string Question)> ThresholdQuestions =
    [
        ("abuseOrNeglect", "Is abuse or neglect known or suspected?"),
        ("deathOrSeriousHarm", "Has the child died or been seriously harmed?"),
        ("inArea", "Did it happen in the area, or outside England while the child normally lives here?"),
        ("notifiable", "Is it notifiable to the National Child Safeguarding Practice Review Panel?"),
    ];

    private static readonly (string Title, string Value)[] YesNo = [("Yes", "yes"), ("No", "no"), ("Not known yet", "not-known")];

    public static JsonObject Shared(PanelCardView view)
    {
        if (view.DecidedOutcomeLabel is not null)
        {
            return Decided(view);
        }

        var card = AdaptiveCard.Create(
            [.. Header(view), .. Tally(view, showHow: false), .. EscalationNote(view)],
            [
                Button("Open my vote card", RefreshVerb, view),
                Button("View referral details", ViewReferralVerb, view),
            ]);
        card["refresh"] = Refresh(view, view.RefreshUserIds);
        return card;
    }

    /// <summary>The card a voter sees: the shared facts, their own earlier vote if any, the
    /// threshold questions, the outcomes the playbook offers and a required rationale.</summary>
    public static JsonObject Vote(PanelCardView view, SeatLine seat, bool byDeputy, string voterName, string? decideAloneOutcome, string? notice = null)
    {
        if (view.DecidedOutcomeLabel is not null)
        {
            return Decided(view, notice);
        }

        var mine = seat.Vote;
        var body = new List<JsonNode>(Header(view));
        body.AddRange(Tally(view, showHow: false));
        body.AddRange(EscalationNote(view));
        if (notice is not null)
        {
            body.Add(Notice(notice));
        }

        body.Add(AdaptiveCard.Heading($"Your vote for the {seat.Title}{(byDeputy ? " (as deputy)" : string.Empty)}"));
        body.Add(AdaptiveCard.Text(mine is null
            ? $"{voterName}, answer the threshold questions, choose an outcome and give your rationale. You can change your vote until the decision is made."
            : $"You voted \"{Label(view, mine.Outcome)}\" on {BritishDates.DateAndTime(mine.At)}{(mine.ByDeputy && !byDeputy ? " (cast by the deputy)" : string.Empty)}. You can change it until the decision is made.", subtle: true));
        foreach (var (key, question) in ThresholdQuestions)
        {
            body.Add(CardInputs.Choice(key, question, YesNo, mine?.Answers.GetValueOrDefault(key), required: true, errorMessage: "Please answer this question.", expanded: true));
        }

        body.Add(CardInputs.Choice("outcome", "Outcome", view.Outcomes.Where(o => view.VotableOutcomes.Contains(o.Key)).Select(o => (o.Label, o.Key)), mine?.Outcome, required: true, errorMessage: "Please choose an outcome."));
        body.Add(CardInputs.Text("rationale", "Rationale (recorded with your vote)", mine?.Rationale, required: true, errorMessage: "Please give your rationale: it is recorded with your vote.", multiline: true, maxLength: 2000));

        var actions = new List<JsonNode> { Execute(mine is null ? "Cast my vote" : "Change my vote", VoteVerb, Data(view)) };
        if (decideAloneOutcome is not null)
        {
            actions.Add(Execute($"Decide alone: {Label(view, decideAloneOutcome)}", DecideAloneVerb, Data(view, ("outcomeAlone", decideAloneOutcome))));
        }

        actions.Add(Button("View referral details", ViewReferralVerb, view));
        var card = AdaptiveCard.Create(body, actions);
        card["refresh"] = Refresh(view, view.RefreshUserIds);
        return card;
    }

    /// <summary>The shared card once the decision is made: the decision, why, every seat's vote and
    /// rationale, and what happens next. No more automatic refresh (userIds empty).</summary>
    public static JsonObject Decided(PanelCardView view, string? notice = null)
    {
        var body = new List<JsonNode>(Header(view, decided: true));
        if (notice is not null)
        {
            body.Add(Notice(notice));
        }

        body.Add(new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JsonArray(
                AdaptiveCard.Heading($"Decision: {view.DecidedOutcomeLabel}"),
                AdaptiveCard.Text(view.DecisionRationale ?? string.Empty),
                AdaptiveCard.Text($"Decided {BritishDates.DateAndTime(view.DecidedAt!.Value)} ({DecidedByText(view.DecidedBy)}).", subtle: true)),
        });
        body.AddRange(Tally(view, showHow: true));
        if (view.NextSteps.Count > 0)
        {
            body.Add(AdaptiveCard.Text("**Next steps**"));
            body.Add(AdaptiveCard.Facts(view.NextSteps.Select(s => (s.Name, "due " + BritishDates.DateAndTime(s.DueAt)))));
        }

        var actions = new List<JsonNode>();
        body.AddRange(MeetingFacts(view, actions));
        if (view.Submitted is { } submitted)
        {
            body.Add(AdaptiveCard.Text(submitted));
        }

        if (view.NationalPanelNotifiedAt is { } notified)
        {
            body.Add(AdaptiveCard.Text($"The National Panel was notified on {BritishDates.Date(WorkingDayCalendar.LondonDate(notified))}."));
        }
        else if (view.NationalPanelNotificationDue)
        {
            body.Add(CardInputs.Date("notifiedOn", "Date the National Panel was notified", required: true, errorMessage: "Please give the date the notification was sent."));
            actions.Add(Execute("Record National Panel notified", NotifiedVerb, Data(view)));
        }

        actions.Add(Button("View referral details", ViewReferralVerb, view));
        var card = AdaptiveCard.Create(body, actions);
        card["refresh"] = Refresh(view, []);
        return card;
    }

    /// <summary>A business manager's card on an escalated case: how the votes went, and the form to record the resolution.</summary>
    public static JsonObject ResolveEscalation(PanelCardView view, string? notice = null)
    {
        var body = new List<JsonNode>(Header(view));
        body.AddRange(Tally(view, showHow: true));
        body.AddRange(EscalationNote(view));
        if (notice is not null)
        {
            body.Add(Notice(notice));
        }

        body.Add(AdaptiveCard.Heading("Record how the escalation was resolved"));
        body.Add(CardInputs.Choice("outcome", "Outcome", view.Outcomes.Where(o => view.VotableOutcomes.Contains(o.Key)).Select(o => (o.Label, o.Key)), required: true, errorMessage: "Please choose the outcome agreed."));
        body.Add(CardInputs.Text("rationale", "Rationale (who resolved it, and why)", required: true, errorMessage: "Please give the rationale: it is recorded with the decision.", multiline: true, maxLength: 2000));
        var card = AdaptiveCard.Create(body,
        [
            Execute("Record the decision", DecideAloneVerb, Data(view)),
            Button("View referral details", ViewReferralVerb, view),
        ]);
        card["refresh"] = Refresh(view, view.RefreshUserIds);
        return card;
    }

    /// <summary>A business manager without a seat, where the playbook lets them decide one outcome alone.</summary>
    public static JsonObject DecideAlone(PanelCardView view, string outcome, string? notice = null)
    {
        var body = new List<JsonNode>(Header(view));
        body.AddRange(Tally(view, showHow: false));
        if (notice is not null)
        {
            body.Add(Notice(notice));
        }

        body.Add(AdaptiveCard.Text($"The playbook lets the business manager record \"{Label(view, outcome)}\" without the panel's vote. The panel is told."));
        body.Add(CardInputs.Text("rationale", "Rationale", required: true, errorMessage: "Please give the rationale: it is recorded with the decision.", multiline: true, maxLength: 2000));
        var card = AdaptiveCard.Create(body,
        [
            Execute($"Decide alone: {Label(view, outcome)}", DecideAloneVerb, Data(view, ("outcomeAlone", outcome))),
            Button("View referral details", ViewReferralVerb, view),
        ]);
        card["refresh"] = Refresh(view, view.RefreshUserIds);
        return card;
    }

    /// <summary>The child's details, returned only to the member who asked, in their own view.</summary>
    public static JsonObject ReferralDetails(PanelCardView view, ChildDetails child, string viewerName, DateTimeOffset viewedAt)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCard.Heading($"Referral details: {view.CaseCode}"),
            Notice($"Only you can see this view, {viewerName}. It was recorded on the case's audit trail at {BritishDates.DateAndTime(viewedAt)}."),
            AdaptiveCard.Facts(
            [
                ("Child's name", child.Name),
                ("Date of birth", child.DateOfBirth is { } born ? BritishDates.Date(born) : "not given"),
                ("Address", child.Address),
                ("Referrer", view.Summary?.ReferrerEmail ?? "not recorded"),
            ]),
        };
        return AdaptiveCard.Create(body, [Button("Back to the panel card", RefreshVerb, view)]);
    }

    private static IEnumerable<JsonNode> Header(PanelCardView view, bool decided = false)
    {
        yield return AdaptiveCard.Heading($"{(decided ? "Threshold decision made" : "Threshold decision needed")}: {view.CaseCode}");
        yield return AdaptiveCard.Text(view.PartnershipName, subtle: true);
        var facts = new List<(string, string)> { ("Referral", view.ReferralKind.Replace('-', ' ')) };
        if (view.Summary is { } s)
        {
            facts.Add(("Incident category", IncidentCategories.Closed(s.IncidentCategory)));
            facts.Add(("Age band", s.AgeBand));
            facts.Add(("Date of incident", s.IncidentDate is { } incident ? BritishDates.Date(incident) : "not given"));
        }

        facts.Add(("Referral received", BritishDates.DateAndTime(view.ReceivedAt)));
        if (view.Summary is { } summary)
        {
            facts.Add(("Referring organisation", summary.ReferringOrganisation));
        }

        facts.Add(("Decision due", BritishDates.DateAndTime(view.DecisionDueAt)));
        yield return AdaptiveCard.Facts(facts);
    }

    private static IEnumerable<JsonNode> Tally(PanelCardView view, bool showHow)
    {
        var voted = view.Seats.Count(s => s.Vote is not null);
        yield return AdaptiveCard.Text($"**Votes: {voted} of {view.Seats.Count} seats.** {view.RuleSummary}");
        var lines = view.Seats.Select(s => s.Vote is not { } v
            ? (s.Title, "waiting")
            : showHow
                ? (s.Title, $"{Label(view, v.Outcome)}, by {v.VoterName}{(v.ByDeputy ? " (deputy)" : string.Empty)}: {v.Rationale}")
                : (s.Title, $"voted, by {v.VoterName}{(v.ByDeputy ? " (deputy)" : string.Empty)}"));
        yield return AdaptiveCard.Facts(lines);
    }

    /// <summary>The meeting's time and a button to join it, or that it was cancelled.</summary>
    private static IEnumerable<JsonNode> MeetingFacts(PanelCardView view, List<JsonNode> actions)
    {
        if (view.Meeting is not { } meeting)
        {
            yield break;
        }

        yield return AdaptiveCard.Text($"**{meeting.Name}**");
        if (meeting.At is { } at)
        {
            yield return AdaptiveCard.Facts([("When", $"{BritishDates.DateAndTime(at)} (UK time)"), ("Where", meeting.JoinUrl is null ? "not an online meeting booked by the bot" : "Microsoft Teams")]);
            if (meeting.Answers is { Count: > 0 } answers)
            {
                yield return AdaptiveCard.Text("Answers to the invitation:");
                yield return AdaptiveCard.Facts(answers);
            }

            if (meeting.JoinUrl is { } join)
            {
                actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Join the meeting", ["url"] = join });
            }
        }
        else if (meeting.Cancelled)
        {
            yield return AdaptiveCard.Text($"The meeting was cancelled and no other is booked yet. A business manager types \"meeting {view.CaseCode}\" to book one.");
        }
    }

    private static IEnumerable<JsonNode> EscalationNote(PanelCardView view)
    {
        if (view.Escalation is { } escalation)
        {
            yield return Notice($"Escalated: {escalation} The business managers have been told.");
        }
    }

    private static JsonObject Notice(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["color"] = "Attention",
    };

    private static string DecidedByText(string? decidedBy) => decidedBy switch
    {
        "business-manager" => "by the business manager alone, as the playbook allows",
        "rule" => "by the playbook's rule, without a vote",
        "escalation" => "on escalation",
        _ => "by the panel's votes under the playbook's rule",
    };

    private static string Label(PanelCardView view, string key) => view.Outcomes.FirstOrDefault(o => o.Key == key).Label ?? key;

    private static JsonObject Refresh(PanelCardView view, IReadOnlyList<string>? userIds)
    {
        var refresh = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = RefreshVerb, ["data"] = Data(view) } };
        if (userIds is not null)
        {
            refresh["userIds"] = new JsonArray([.. userIds.Take(AdaptiveCard.MaxRefreshUserIds).Select(u => (JsonNode)u)]);
        }

        return refresh;
    }

    /// <summary>Marks what a press of the Action.Submit fallback sends (<see cref="FallbackMarker"/>):
    /// its answer replaces the card for everyone, so no personal view may be given in reply.</summary>
    public const string FallbackMarker = "viaSubmitFallback";

    /// <summary>True when a press came through the Action.Submit fallback (an older client).</summary>
    public static bool IsSubmitFallback(System.Text.Json.Nodes.JsonObject data) => data[FallbackMarker] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static JsonObject Execute(string title, string verb, JsonObject data)
    {
        var action = AdaptiveCard.ExecuteAction(title, verb, data);
        if (action["fallback"]?["data"] is JsonObject submitted)
        {
            submitted[FallbackMarker] = true;
        }

        return action;
    }

    /// <summary>A button that sends no inputs, so the card's required fields do not stop it
    /// (associatedInputs "none", Adaptive Cards 1.5).</summary>
    private static JsonObject Button(string title, string verb, PanelCardView view)
    {
        var action = Execute(title, verb, Data(view));
        action["associatedInputs"] = "none";
        if (action["fallback"] is JsonObject fallback)
        {
            fallback["associatedInputs"] = "none";
        }

        return action;
    }

    private static JsonObject Data(PanelCardView view, params (string Key, string Value)[] extra)
    {
        var data = new JsonObject { ["caseCode"] = view.CaseCode };
        foreach (var (key, value) in extra)
        {
            data[key] = value;
        }

        return data;
    }
}
