using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Tests.Cards;

/// <summary>
/// Sample output of every card builder in bot/Cards, in each of its shapes. The validation test
/// finds the builders by reflection and fails for any builder missing here, so a new card cannot
/// escape the official parser.
/// </summary>
public static class CardSamples
{
    private static readonly DateTimeOffset Posted = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, Func<IServiceProvider, IEnumerable<(string Name, JsonObject Card)>>> ByBuilder { get; } =
        new Dictionary<string, Func<IServiceProvider, IEnumerable<(string, JsonObject)>>>
        {
            ["HelpCard.Build"] = services =>
            [
                ("help, every registered command", HelpCard.Build([.. services.GetRequiredService<CommandCatalogue>().All])),
                ("help, no commands", HelpCard.Build([])),
            ],
            ["ConnectionCheckCard.Build"] = _ =>
            [
                ("connection check, shared, nobody yet", ConnectionCheckCard.Build(new ConnectionCheckView("c1", "General", "Rapid Review Panel", Posted, "Ada Lovelace", [], ["29:a", "29:b"]))),
                ("connection check, shared, acknowledged", ConnectionCheckCard.Build(new ConnectionCheckView(
                    "c1", "General", null, Posted, "Ada Lovelace", [new CheckAcknowledgement("Ada Lovelace", Posted.AddMinutes(2)), new CheckAcknowledgement("Grace Hopper", Posted.AddMinutes(3))], []))),
                ("connection check, personal, acknowledged", ConnectionCheckCard.Build(new ConnectionCheckView(
                    "c1", "General", "Rapid Review Panel", Posted, "Ada Lovelace", [new CheckAcknowledgement("Ada Lovelace", Posted.AddMinutes(2))], [], IsPersonalView: true, ViewerAcknowledgedAt: Posted.AddMinutes(2)))),
                ("connection check, personal, may not acknowledge", ConnectionCheckCard.Build(new ConnectionCheckView(
                    "c1", "General", "Rapid Review Panel", Posted, "Ada Lovelace", [], ["29:a"], IsPersonalView: true, ViewerMayAcknowledge: false))),
                ("connection check, more than 60 pending", ConnectionCheckCard.Build(new ConnectionCheckView(
                    "c1", "General", "Rapid Review Panel", Posted, "Ada Lovelace", [], [.. Enumerable.Range(0, 70).Select(i => $"29:user-{i}")]))),
            ],
            ["MeetingCard.Slots"] = _ =>
            {
                var police = new TeamsReviewBot.Process.Meetings.Invitee("p@police.example", "Police lead", "police", true);
                var council = new TeamsReviewBot.Process.Meetings.Invitee("c@council.example", "LA lead", "local-authority", true);
                return
                [
                    ("meeting slots, one quorate and one not", MeetingCard.Slots("RR-OLD-2026-0001", "Rapid Review meeting", [
                        new(Posted.AddDays(14), Posted.AddDays(14).AddHours(2), [police, council], [], []),
                        new(Posted.AddDays(15), Posted.AddDays(15).AddHours(2), [council], [police], ["police"]),
                    ], 2)),
                    ("meeting slots, none left", MeetingCard.Slots("RR-OLD-2026-0001", "Rapid Review meeting", [], 2)),
                ];
            },
            ["MeetingCard.Outcome"] = _ =>
            [
                ("meeting outcome form", MeetingCard.Outcome("RR-OLD-2026-0001")),
            ],
            ["MeetingCard.Booked"] = _ =>
            [
                ("meeting booked", MeetingCard.Booked(new CaseState { StreamId = "RR-OLD-2026-0001", Exists = true, CaseCode = "RR-OLD-2026-0001", MeetingAt = Posted.AddDays(14), MeetingJoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0" }, ["local-authority", "police", "health"])),
                ("meeting booked with answers", MeetingCard.Booked(
                    new CaseState
                    {
                        StreamId = "RR-OLD-2026-0001",
                        Exists = true,
                        CaseCode = "RR-OLD-2026-0001",
                        MeetingAt = Posted.AddDays(14),
                        MeetingJoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0",
                        MeetingResponses = System.Collections.Immutable.ImmutableDictionary<string, MeetingResponse>.Empty
                            .Add("pat@police.example", new MeetingResponse("pat@police.example", "Pat Okafor", "police", "police", "declined", Posted.AddDays(2), Posted.AddDays(15), Posted.AddDays(15).AddHours(2), false))
                            .Add("lola@council.example", new MeetingResponse("lola@council.example", "Lola Adeyemi", "local-authority", "local-authority", "accepted", Posted.AddDays(1), null, null, true)),
                    },
                    ["local-authority", "police", "health"])),
            ],
            ["QuorumWarningCard.Create"] = _ =>
            [
                ("quorum warning with a deputy to invite", QuorumWarningCard.Create("RR-OLD-2026-0001", [new QuorumDeputy("Dev Shah", "dev@icb.example", "health")])),
                ("quorum warning with no deputy listed", QuorumWarningCard.Create("RR-OLD-2026-0001", [])),
            ],
            ["TimetableCard.ForReferral"] = services =>
            [
                .. services.GetRequiredService<CaseService>().Playbooks.All.Select(p =>
                    ($"timetable, {p.Key}, referral on 21 December 2026", TimetableCard.ForReferral(services.GetRequiredService<CaseService>().Schedule.Preview(p, Posted.AddDays(28))))),
            ],
            ["TimetableCard.ForCase"] = services =>
            {
                var cases = services.GetRequiredService<CaseService>();
                var playbook = cases.Playbooks.Get("oldham");
                var state = new CaseState { StreamId = "RR-OLD-2026-0001", Exists = true, CaseCode = "RR-OLD-2026-0001", Partnership = "oldham", ReceivedAt = Posted, DayZero = new DateOnly(2026, 11, 23), OpenedAt = Posted };
                var decided = state with { Outcome = "rapid-review", OutcomeKind = OutcomeKind.RapidReview, DecidedAt = Posted.AddDays(1), Stage = CaseStage.RapidReview };
                return
                [
                    ("timetable, case just referred", TimetableCard.ForCase(state, cases.Schedule.Timetable(playbook, state), cases.Schedule.Deadlines(playbook, state, Posted.AddHours(1)))),
                    ("timetable, case decided, some overdue", TimetableCard.ForCase(decided, cases.Schedule.Timetable(playbook, decided), cases.Schedule.Deadlines(playbook, decided, Posted.AddDays(20)))),
                ];
            },
            ["MorningDigestCard.Build"] = _ =>
            [
                ("morning digest, quiet", MorningDigestCard.Build(new TeamsReviewBot.Process.Digest.MorningDigest(Posted, [], [], [], [], [], []))),
                ("morning digest, every section", MorningDigestCard.Build(new TeamsReviewBot.Process.Digest.MorningDigest(
                    Posted,
                    [new("RR-OLD-2026-0001", "information-requests", "Agency summaries requested", Posted.AddDays(-1))],
                    [new("RR-OLD-2026-0002", "decision", "Virtual Panel threshold decision", Posted.AddHours(7))],
                    [new("RR-OLD-2026-0001", "national-panel-notification", "National Panel notified", Posted.AddDays(2))],
                    [new("RR-OLD-2026-0002", "threshold decision", ["Health (Hana Brook, Dev Shah as deputy)"])],
                    [new("RR-OLD-2026-0003", "sign-off of report version 2", [])],
                    [new(Posted.AddHours(-16), "clerk@agency.example", "not a referral", "https://outlook.office.com/mail/item-1", null)]))),
            ],
            ["CaseGlanceCard.Build"] = _ =>
            [
                ("case at a glance, new case", CaseGlanceCard.Build(new TeamsReviewBot.Workflows.BusinessManager.CaseGlance(
                    "RR-OLD-2026-0001", "Oldham Safeguarding Children Partnership", "awaiting the panel's decision", "Virtual Panel threshold decision, Tuesday 24 November 2026, 5 pm",
                    [], "not booked", null, "no report version yet", [], null))),
                ("case at a glance, thread, meeting and roles", CaseGlanceCard.Build(new TeamsReviewBot.Workflows.BusinessManager.CaseGlance(
                    "RR-OLD-2026-0001", "Oldham Safeguarding Children Partnership", "meeting scheduled", "Rapid Review meeting, Monday 7 December 2026, 10 am",
                    ["agency return: Pennine Care, due Monday 30 November 2026"], "booked for Monday 7 December 2026, 10 am", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0",
                    "no report version yet", ["chair: Lola Adeyemi"], "https://teams.microsoft.com/l/message/19%3Achannel/1?tenantId=t&parentMessageId=1"))),
            ],
            ["OpenCasesCard.Build"] = _ =>
            [
                ("open cases, none", OpenCasesCard.Build([])),
                ("open cases, one overdue", OpenCasesCard.Build(
                [
                    new OpenCaseLine("RR-OLD-2026-0001", "going to Rapid Review", "Agency summaries returned", Posted.AddDays(-1), Overdue: true),
                    new OpenCaseLine("RR-OLD-2026-0002", "awaiting the panel's decision", "Virtual Panel threshold decision", Posted.AddDays(1), Overdue: false),
                    new OpenCaseLine("RR-OLD-2026-0003", "referred", null, null, Overdue: false),
                ])),
            ],
            ["CaseReferenceCard.Build"] = _ =>
            [
                ("case reference, deadline ahead", CaseReferenceCard.Build(new CaseReference("RR-OLD-2026-0002", "Oldham Safeguarding Children Partnership", "awaiting the panel's decision", "Virtual Panel threshold decision", Posted.AddDays(1), Overdue: false))),
                ("case reference, overdue", CaseReferenceCard.Build(new CaseReference("RR-SAL-2026-0001", "Salford Safeguarding Children Partnership", "going to Rapid Review", "Agency summaries returned", Posted.AddDays(-1), Overdue: true))),
                ("case reference, nothing outstanding", CaseReferenceCard.Build(new CaseReference("RR-TAM-2026-0003", "Tameside Safeguarding Children Partnership", "referred", null, null, Overdue: false))),
            ],
            ["AgencySelectionCard.Create"] = _ =>
            [
                ("agency selection, two agencies, one named by the referral", AgencySelectionCard.Create(
                    "RR-OLD-2026-0001",
                    [new AgencyContact("Greater Manchester Police", "police", ["ppiu@gmp.police.uk"], []), new AgencyContact("Hathershaw College", "school", ["dsl@hathershaw.sch.uk"], ["deputy@hathershaw.sch.uk"])],
                    ["Hathershaw College"],
                    new RequestSendMoment(Posted.AddDays(5), OnSending: false),
                    new DateOnly(2027, 1, 6))),
                ("agency selection, the requests go as soon as they are sent", AgencySelectionCard.Create(
                    "RR-WM-2026-0001",
                    [new AgencyContact("West Midlands Police", "police", ["ppu@wmp.police.uk"], [])],
                    [],
                    new RequestSendMoment(Posted, OnSending: true),
                    new DateOnly(2026, 12, 31))),
            ],
            ["ReturnStatusCard.Create"] = _ =>
            [
                ("return status, before the deadline", ReturnStatusCard.Create(ReturnStatusCardTests.Book(), new DateOnly(2027, 1, 15))),
                ("return status, after the deadline", ReturnStatusCard.Create(ReturnStatusCardTests.Book(), new DateOnly(2027, 1, 19))),
            ],
            ["SignOffCard.Personal"] = _ =>
            [
                ("sign-off, waiting", SignOffCard.Personal(SignOffSample(closed: false, mine: null), null)),
                ("sign-off, answered, with a notice", SignOffCard.Personal(SignOffSample(closed: false, mine: "Your seat's answer on version 2: Lola Adeyemi signed off."), "Please give the reason you do not sign off.")),
                ("sign-off, signed off", SignOffCard.Personal(SignOffSample(closed: true, mine: "Your seat's answer on version 2: Lola Adeyemi signed off."), null)),
            ],
            ["ReportThreadCard.Create"] = _ =>
            [
                ("report in the thread, window open", ReportThreadCard.Create(ReportThreadSample(takesComments: true, replaces: null, comments: []), null)),
                ("report in the thread, a new version with comments and a notice", ReportThreadCard.Create(ReportThreadSample(takesComments: true, replaces: "This version replaces version 1. Sign-offs given on version 1 are void; the partners are asked again.", comments: ["Comment from Lola Adeyemi at Tuesday 8 December 2026, 10 am"]), "Your comment was recorded on the case at Tuesday 8 December 2026, 10 am.")),
                ("report in the thread, window closed", ReportThreadCard.Create(ReportThreadSample(takesComments: false, replaces: null, comments: ["Comment from Pat Okafor at Wednesday 9 December 2026, 4 pm"]), null)),
            ],
            ["SubmissionCard.Personal"] = _ =>
            [
                ("submission, signed off", SubmissionCard.Personal(SubmissionSample(signedOff: true, submitted: null))),
                ("submission, before sign-off (reason box), with a notice", SubmissionCard.Personal(SubmissionSample(signedOff: false, submitted: null), "The report for RR-OLD-2026-0007 is not signed off yet by the playbook's rule. Nothing was sent.")),
                ("submission, submitted", SubmissionCard.Personal(SubmissionSample(signedOff: true, submitted: "Submitted on Monday 14 December 2026, 11 am by Bea Manning to Mailbox.NationalReviewPanel@education.gov.uk (message id <rr.0123@example.gov.uk>)."))),
            ],
            ["HeldReportVersionCard.Question"] = _ =>
            [
                ("held report file, sign-offs and the WT2018 check", HeldReportVersionCard.Question(new HeldReportVersionView(
                    "RR-GLO-2026-0003", "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222", 3, 2,
                    ["QiiP Chair (CCG representative): signed off with comments", "Gloucestershire Constabulary Rapid Review Lead Officer: did not sign off", "Business Manager's WT2018 check: recorded"],
                    true, "Wednesday 9 December 2026, 4 pm"))),
            ],
            ["HeldReportVersionCard.Outcome"] = _ =>
            [
                ("held report file, stored", HeldReportVersionCard.Outcome("RR-OLD-2026-0007", "Stored as version 2", "Stored as version 2 of the report for RR-OLD-2026-0007 (SHA-256 bbbbbbbbbbbb…). Sign-offs given on version 1 are void: each signing partner is sent the card for version 2 and asked again.")),
            ],
        }.Concat(PanelCardSamples.All).ToDictionary();

    private static ReportThreadView ReportThreadSample(bool takesComments, string? replaces, IReadOnlyList<string> comments) => new(
        "RR-OLD-2026-0007",
        2,
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "Monday 7 December 2026, 2 pm",
        replaces,
        "Tuesday 8 December 2026, 9 am to Thursday 10 December 2026, 5 pm" + (takesComments ? " (open now)" : " (closed)"),
        takesComments,
        comments);

    private static SubmissionCardView SubmissionSample(bool signedOff, string? submitted) => new(
        "RR-OLD-2026-0007",
        "Oldham Safeguarding Children Partnership",
        2,
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        signedOff ? ["Lola Adeyemi (Assistant Director for Safeguarding/Quality Assurance)", "Dev Shah (Designated Nurse/Head of Safeguarding – NHS ICB Oldham, as deputy)"] : [],
        "Date: Monday 14 December 2026\n\nDear Chair of the Child Safeguarding Practice Review Panel,\n\nRapid Review RR-OLD-2026-0007\n\nPlease find attached the Rapid Review report for case RR-OLD-2026-0007.",
        "Mailbox.NationalReviewPanel@education.gov.uk",
        "Monday 14 December 2026, 4 pm (Report sent to the National Panel)",
        signedOff,
        submitted);

    private static SignOffCardView SignOffSample(bool closed, string? mine) => new(
        "RR-OLD-2026-0007",
        "Oldham Safeguarding Children Partnership",
        "Designated Nurse/Head of Safeguarding – NHS ICB Oldham",
        ByDeputy: true,
        Version: 2,
        Sha256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        VersionAt: "Monday 7 December 2026, 2 pm",
        [new("Assistant Director for Safeguarding/Quality Assurance", "Lola Adeyemi signed off"), new("Superintendent/Detective Chief Inspector – GMP", null)],
        closed ? "Signed off on Monday 7 December 2026, 3 pm: 2 of 3 partners signed off; 2 needed." : "1 of 2 sign-offs so far; waiting for Superintendent/Detective Chief Inspector – GMP.",
        mine,
        closed);
}
