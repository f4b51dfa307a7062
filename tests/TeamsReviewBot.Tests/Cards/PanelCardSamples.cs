using System.Collections.Immutable;
using System.Text.Json.Nodes;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Tests.Cards;

/// <summary>Samples of the threshold decision's cards in each of their shapes, for the card validation test.</summary>
public static class PanelCardSamples
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly SeatVote LaVote = new("la", "rapid-review", "Serious harm; neglect suspected.", false, "Lola Adeyemi", "oid-la", Received.AddHours(2),
        ImmutableDictionary<string, string>.Empty.Add("abuseOrNeglect", "yes").Add("deathOrSeriousHarm", "yes").Add("inArea", "yes").Add("notifiable", "yes"));

    public static IEnumerable<KeyValuePair<string, Func<IServiceProvider, IEnumerable<(string Name, JsonObject Card)>>>> All { get; } =
    [
        new("PanelCards.Shared", _ =>
        [
            ("panel, nobody voted, refresh for everyone", PanelCards.Shared(View())),
            ("panel, one voted, refresh for two", PanelCards.Shared(View(votes: [LaVote], refresh: ["29:user-police", "29:user-health"]))),
            ("panel, escalated", PanelCards.Shared(View(votes: [LaVote], escalation: "The votes disagree."))),
            ("panel, decided", PanelCards.Shared(Decided())),
        ]),
        new("PanelCards.Vote", _ =>
        [
            ("vote, first time", PanelCards.Vote(View(), new SeatLine("police", "Police", null), false, "Pat Okafor", null)),
            ("vote, changing, by deputy, with notice and fast path", PanelCards.Vote(View(votes: [LaVote]), new SeatLine("la", "Local authority", LaVote), true, "Dev Shah", "rapid-review", "Please answer every question.")),
            ("vote, after the decision", PanelCards.Vote(Decided(), new SeatLine("la", "Local authority", LaVote), false, "Lola Adeyemi", null, "The decision had already been made.")),
        ]),
        new("PanelCards.Decided", _ =>
        [
            ("decided, notification due", PanelCards.Decided(Decided())),
            ("decided, notified", PanelCards.Decided(Decided() with { NationalPanelNotifiedAt = Received.AddDays(1) }, "Recorded.")),
        ]),
        new("PanelCards.ResolveEscalation", _ => [("escalation form", PanelCards.ResolveEscalation(View(votes: [LaVote], escalation: "Tied.")))]),
        new("PanelCards.DecideAlone", _ => [("decide alone", PanelCards.DecideAlone(View(), "rapid-review", "Please give a reason."))]),
        new("PanelCards.ReferralDetails", _ => [("referral details", PanelCards.ReferralDetails(View(), new ChildDetails("A. Child", new DateOnly(2026, 3, 14), "1 Street, Town"), "Lola Adeyemi", Received.AddHours(3)))]),
        new("ReferralFormCard.Build", _ =>
        [
            ("refer form, five partnerships", ReferralFormCard.Build([("oldham", "Oldham"), ("salford", "Salford"), ("tameside", "Tameside"), ("west-midlands", "West Midlands"), ("gloucestershire", "Gloucestershire")], "oldham", "f1", new DateOnly(2026, 11, 23))),
            ("refer form, one partnership", ReferralFormCard.Build([("oldham", "Oldham")], null, "f2", new DateOnly(2026, 11, 23))),
        ]),
        new("ReferralFormCard.Opened", _ =>
        [
            ("case opened", ReferralFormCard.Opened("RR-OLD-2026-0001", "Oldham", null)),
            ("case opened, thread not posted", ReferralFormCard.Opened("RR-OLD-2026-0001", "Oldham", "no panel channel is configured")),
        ]),
    ];

    private static PanelCardView View(IReadOnlyList<SeatVote>? votes = null, string? escalation = null, IReadOnlyList<string>? refresh = null) => new(
        "RR-OLD-2026-0001",
        "Oldham Safeguarding Children Partnership",
        "referral",
        new ReferralSummary("Non-accidental injury", "Under 1", new DateOnly(2026, 11, 21), "Hollybank Primary School", "referrer@school.example"),
        Received,
        Received.AddDays(1),
        "The votes cast must agree (at least 2 of 3).",
        [
            new SeatLine("la", "Local authority", votes?.FirstOrDefault(v => v.Seat == "la")),
            new SeatLine("police", "Police", null),
            new SeatLine("health", "Health", null),
        ],
        [("rapid-review", "Progression to Rapid Review"), ("no-further-action", "No further action"), ("escalation", "Escalation")],
        ["rapid-review", "no-further-action"],
        null,
        null,
        null,
        null,
        escalation,
        [],
        false,
        null,
        refresh);

    private static PanelCardView Decided() => View(votes: [LaVote]) with
    {
        DecidedOutcomeLabel = "Progression to Rapid Review",
        DecisionRationale = "3 of 3 seats agreed.",
        DecidedBy = "panel",
        DecidedAt = Received.AddHours(5),
        NextSteps = [new NextStep("National Panel notified", Received.AddDays(7))],
        NationalPanelNotificationDue = true,
        RefreshUserIds = [],
    };
}
