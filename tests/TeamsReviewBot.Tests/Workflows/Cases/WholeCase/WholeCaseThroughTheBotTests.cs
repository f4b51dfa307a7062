using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.InformationRequests;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;
using TeamsReviewBot.Tests.Workflows.Report;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases.WholeCase;

/// <summary>
/// One whole case per playbook through the real bot, under the bot's clock moved from timer to timer:
/// the referral email arrives in the partnership mailbox and intake opens the case and acknowledges
/// it; the panel votes on the channel card; the business manager records the National Panel
/// notification, asks the agencies on the card, and their returns come back by email; the meeting is
/// booked on the card, held and its outcome recorded; the report is drafted ("report"), signed off on
/// the cards in personal chat to the playbook's rule, and submitted on the submission card, arriving
/// in the National Panel's mailbox; every afterwards item is reminded, done or returned by email until
/// the case closes. The audit trail, in the export's words, is compared line by line with the reviewed
/// story. WHOLE_CASE_PRINT=1 prints the trail the bot wrote, so a reviewed change is easy to take.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class WholeCaseThroughTheBotTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Oldham_from_the_referral_email_to_closure() =>
        await PlayAsync("oldham", OldhamWholeCaseStory.Received, OldhamWholeCaseStory.Lines, GmReferral("Oldham"), "Day 0: Thursday 25 March 2027");

    [Fact]
    public async Task Tameside_from_the_referral_email_to_closure() =>
        await PlayAsync("tameside", TamesideWholeCaseStory.Received, TamesideWholeCaseStory.Lines, GmReferral("Tameside"), "Day 0: Thursday 25 March 2027");

    [Fact]
    public async Task Gloucestershire_from_the_referral_email_to_closure() =>
        // The report names the start of the count as Gloucestershire's timetable does (seed-004 L125–L126).
        await PlayAsync("gloucestershire", GloucestershireWholeCaseStory.Received, GloucestershireWholeCaseStory.Lines, CaseForConsideration(), "Working day 1: Thursday 25 March 2027");

    /// <summary>Gloucestershire's referral: the GSCP Case for Consideration form (seed-004 Appendix 1).</summary>
    private static byte[] CaseForConsideration() => TestMail.Referral(
        new SimpleFormBuilder()
            .Heading("GSCP \u2013 Case for Consideration")
            .Rows(("Is this referral for", "Rapid Review"), ("Name / Role", "Pat Example, DSL"), ("Agency", WholeCaseBot.School.Name))
            .Heading("Family Details")
            .Heading("Name(s) and date(s) of birth of child(ren)")
            .ColumnTable(["Name", "Date of Birth", "Address/Postcode"], ["Alex Sample", "14/03/2026", "1 Test Street, GL1 1AA"])
            .Heading("Details of Concern")
            .Rows(
                ("Is it known or suspected that the child has been abused or neglected (Y/N)", "Y"),
                ("Has the child died or been seriously harmed as a result of abuse or neglect? (Y/N)", "Y"),
                ("Was the incident related to a known antecedent or condition? (Y/ N)", "N"),
                ("Would the child have died without intervention (Y/N/NA)", "NA"),
                ("Case Summary (Brief overview of the case and events that led to the need for a review being considered).", "Injuries to a baby seen at school pick-up."))
            .Build(),
        fileName: "GSCP Case for Consideration.docx",
        from: WholeCaseBot.Referrer);

    private static byte[] GmReferral(string localAuthority) => TestMail.Referral(
        GmFormBuilder.Filled()
            .Set("Local Authority where child ordinarily resides", localAuthority)
            .Set("Local Authority where incident occurred", localAuthority)
            .Set("Referrer Organisation", WholeCaseBot.School.Name)
            .Set("E", WholeCaseBot.Referrer)
            .Date("Date of Referral", new DateTime(2027, 3, 25))
            .Date("Date of Incident", new DateTime(2027, 3, 23))
            .Build(),
        from: WholeCaseBot.Referrer);

    /// <summary><paramref name="reportStart"/> is the report's field for the day the case's count starts on, as its procedure names it.</summary>
    private async Task PlayAsync(string partnership, DateTimeOffset received, IReadOnlyList<string> story, byte[] referral, string reportStart)
    {
        // Where the Independent Chair owns a step (Gloucestershire's chronology), the Chair (listed as the independent adviser) is on the bot too.
        var chairOwnsAStep = TeamsReviewBot.Tests.Process.ProcessTestKit.Catalogue.Get(partnership).Deadlines.Any(d => d.Owner == "independent-chair");
        await using var world = await WholeCaseBot.StartAsync(azurite, partnership, chairOwnsAStep ? [.. StatutoryPanel, Ian] : StatutoryPanel, received.AddMinutes(-30));
        var bot = world.Bot;
        var playbook = world.Playbook;

        // 1. The referral email arrives; intake opens the case and acknowledges the referrer.
        await world.RunUntilAsync(received);
        var taken = await world.ReceiveAsync(referral);
        Assert.StartsWith("case ", taken, StringComparison.Ordinal);
        var code = taken.Split(' ')[1];
        output.WriteLine("intake: " + taken);
        await DumpMailAsync(world);
        var acknowledgement = Assert.Single(await world.SentAsync(code));
        Assert.Equal(WholeCaseBot.Referrer, acknowledgement.GetProperty("to")[0].GetString());
        var thread = await bot.Teams.WaitForCallAsync(c => c.Path == "/v3/conversations" && c.Body!.ToJsonString().Contains(code, StringComparison.Ordinal), "the case's thread in the panel channel");
        Assert.DoesNotContain("Alex Sample", thread.Body!.ToJsonString(), StringComparison.Ordinal);
        var dayZero = (await bot.CaseAsync(code)).DayZero;
        // Working day n as the playbook numbers it (Gloucestershire: Day 0 is itself working day 1).
        DateOnly Day(int n) => WorkingDayCalendar.Default.DateOf(playbook.Clock, dayZero, n);

        // 2. The panel votes on the channel card, a deputy for health where the playbook lets deputies act.
        await world.RunUntilAsync(received.AddHours(1));
        foreach (var voter in Voters(playbook))
        {
            if ((await bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await bot.VoteAsync(voter, code, "rapid-review", "Serious harm; physical abuse suspected.");
            }
        }

        Assert.Equal(OutcomeKind.RapidReview, (await bot.CaseAsync(code)).OutcomeKind);
        await world.RunUntilAsync(world.Now.AddMinutes(5));
        var decisionLetter = Assert.Single(await world.SentAsync(code + ": threshold decision"));
        Assert.Equal(WholeCaseBot.Referrer, decisionLetter.GetProperty("to")[0].GetString());

        // 3. National Panel notified; the agencies asked on the card; the meeting booked on the card.
        await world.RunUntilAsync(received.AddHours(4));
        await world.SayAsync(Bea, $"notified {code} {dayZero:dd/MM/yyyy}", code);
        await world.RunUntilAsync(world.Now.AddMinutes(30));
        await world.SayAsync(Bea, $"requests {code} choose", code);
        var choose = await world.CardInChatAsync(Bea, AgencySelectionCard.Verb);
        var asked = await world.PressInChatAsync(Bea, choose, AgencySelectionCard.Verb, new JsonObject
        {
            [AgencySelectionCard.AgenciesInput] = string.Join(",", WholeCaseBot.Agencies.Select(a => a.Name)),
            [AgencySelectionCard.ChildInput] = "A.T., born 14/03/2026",
        });
        output.WriteLine("requests: " + asked);
        await world.RunUntilAsync(world.Now.AddMinutes(30));
        if ((await bot.CaseAsync(code)).MeetingAt is null)
        {
            await world.SayAsync(Bea, $"meeting {code}", code);
            var slots = await world.CardInChatAsync(Bea, MeetingCard.BookVerb);
            var booked = await world.PressInChatAsync(Bea, slots, MeetingCard.BookVerb);
            output.WriteLine("booked: " + booked);
            Assert.Contains("Meeting booked", booked, StringComparison.Ordinal);
        }

        var meetingAt = (await bot.CaseAsync(code)).MeetingAt!.Value;

        // The statutory leads accept the invitation in their calendars.
        await world.RunUntilAsync(world.Now.AddHours(1));
        foreach (var lead in new[] { Lola, Pat, Hana })
        {
            await world.AnswerInvitationAsync(code, lead, "accepted");
        }

        // The bot reads the answers on its catch-up pass (Graph's change notification cannot reach a test's bot).
        await bot.Services.GetRequiredService<TeamsReviewBot.Workflows.Meetings.MeetingAnswersCatchUp>().RunAsync(CancellationToken.None);

        // Where the playbook reads it, the National Panel's "Serious Incident logged" email comes within
        // two days of the notification and sets the date it expects the partnership's response by.
        if (playbook.FindDeadline("panel-expected-response") is not null)
        {
            await world.RunUntilAsync(WorkingDayCalendar.Default.NextWorkingDay(dayZero), 10);
            const string panelDomain = "education.gov.uk";
            var logged = TestMail.Plain(
                $"Serious Incident logged – {code}",
                $"A Serious Incident has been logged. Expected response date: {Day(15):dd/MM/yyyy}",
                from: WholeCaseBot.NationalPanel,
                ("Authentication-Results", $"spf=pass (sender IP is 20.58.22.103) smtp.mailfrom={panelDomain}; dkim=pass (signature was verified) header.d={panelDomain};dmarc=pass action=none header.from={panelDomain};compauth=pass reason=100"));
            var read = await world.ReceiveAsync(logged);
            output.WriteLine("panel: " + read);
            Assert.StartsWith($"National Panel expects the response on {code}", read, StringComparison.Ordinal);
        }

        // The requests go out on the playbook's day, one email to each agency.
        await world.RunUntilAsync(world.Cases.Schedule.Timetable(playbook, await bot.CaseAsync(code)).Get(playbook.InformationRequests.SendBy).DueAt);
        await DumpMailAsync(world);
        foreach (var agency in WholeCaseBot.Agencies)
        {
            Assert.Single(await world.SentAsync(code), m => m.GetProperty("to")[0].GetString() == agency.Lead);
        }

        // The agencies' returns arrive by email over the next days, matched by the case code.
        for (var i = 0; i < WholeCaseBot.Agencies.Count; i++)
        {
            var agency = WholeCaseBot.Agencies[i];
            await world.RunUntilAsync(Day(3 + i), 10);
            var summary = new SimpleFormBuilder().Heading("Single agency summary").Rows(("Agency", agency.Name), ("Involvement", "Seen at routine contacts.")).Build();
            var outcome = await world.ReceiveAsync(AgencyReplies.Mail(agency.Lead, $"Single agency summary – {code}", "Our summary is attached.", attachments: ("Single agency summary.docx", summary)));
            output.WriteLine("return: " + outcome);
            Assert.StartsWith($"reply to information request {agency.Name} on {code}", outcome, StringComparison.Ordinal);
        }

        Assert.NotNull((await bot.CaseAsync(code)).ReturnsCompleteAt);

        // A step the Independent Chair owns before the meeting (Gloucestershire's key event chronology and
        // key lines of enquiry, WD 6–7): reminded in the Chair's chat, the Chair marks it done on its day.
        foreach (var step in world.Cases.Schedule.Timetable(playbook, await bot.CaseAsync(code)).For(OutcomeKind.RapidReview).Where(e => e.Rule.Owner == "independent-chair" && e.DueAt < meetingAt).OrderBy(e => e.DueAt))
        {
            await world.RunUntilAsync(Later(WorkingDayCalendar.AtLondon(step.DueDate, new TimeOnly(11, 0)), world.Now.AddMinutes(30)));
            await world.SayAsync(Ian, $"done {code} {step.Key} Compiled from the agencies' returns.", "is marked done");
        }

        // The meeting is held; the chair's outcome card records who was there and what was learnt.
        await world.RunUntilAsync(meetingAt.AddHours(2));
        await world.SayAsync(Bea, $"meeting {code} outcome", code);
        var outcomeCard = await world.CardInChatAsync(Bea, MeetingCard.OutcomeVerb);
        var recorded = await world.PressInChatAsync(Bea, outcomeCard, MeetingCard.OutcomeVerb, new JsonObject
        {
            [MeetingCard.PresentInput] = string.Join(",", playbook.Meeting.QuorumPartners),
            [MeetingCard.LearningInput] = "Information sharing between school and health before the injury.",
            [MeetingCard.ReviewInput] = ReviewRecommendations.No,
            [MeetingCard.LeadReviewerInput] = string.Empty,
        });
        Assert.Contains("the meeting's outcome is recorded", recorded, StringComparison.Ordinal);
        Assert.NotNull((await bot.CaseAsync(code)).MeetingHeldAt);

        // The report drafted; steps before the partners' sign-off marked done; the partners sign off.
        var meetingDay = WorkingDayCalendar.LondonDate(meetingAt);
        await world.RunUntilAsync(WorkingDayCalendar.Default.AddWorkingDays(meetingDay, 1), 10);
        await world.SayAsync(Bea, $"report {code}", "I've emailed version");
        var timetable = world.Cases.Schedule.Timetable(playbook, await bot.CaseAsync(code));
        var signOffDue = timetable.Get(playbook.SignOff.Deadline);
        foreach (var step in timetable.For(OutcomeKind.RapidReview).Where(e => e.Rule.CompletedBy == Milestones.Step && !e.IsConditional && e.DueAt > meetingAt && e.DueAt < signOffDue.DueAt).OrderBy(e => e.DueAt))
        {
            await world.RunUntilAsync(Later(WorkingDayCalendar.AtLondon(step.DueDate, new TimeOnly(11, 0)), world.Now.AddMinutes(30)));
            await world.SayAsync(Bea, $"done {code} {step.Key} Panel comments in; sent to the statutory partners.", "is marked done");
        }

        // The report goes to the partners for sign-off by the report deadline (the sign-off day's morning
        // where the two fall together); they sign on the cards on the sign-off day.
        var reportDue = timetable.Find("report");
        var sendOn = reportDue is not null && reportDue.DueDate < signOffDue.DueDate ? WorkingDayCalendar.AtLondon(reportDue.DueDate, new TimeOnly(14, 0)) : WorkingDayCalendar.AtLondon(signOffDue.DueDate, new TimeOnly(9, 30));
        await world.RunUntilAsync(Later(sendOn, world.Now.AddMinutes(30)));
        await world.SayAsync(Bea, $"sign-off {code}", "I sent the sign-off card");
        var version = (await bot.CaseAsync(code)).CurrentReportVersion!.Number;
        await world.RunUntilAsync(Later(WorkingDayCalendar.AtLondon(signOffDue.DueDate, new TimeOnly(10, 0)), world.Now.AddMinutes(30)));
        foreach (var signer in Signers(playbook))
        {
            await world.RunUntilAsync(world.Now.AddMinutes(10));
            var card = await world.CardInChatAsync(signer, "sign-off", json => json.Contains($"\"version\":\"{version}\"", StringComparison.Ordinal));
            var answer = await world.PressInChatAsync(signer, card, "sign-off", new JsonObject { ["comments"] = string.Empty }, a => a["data"]?["choice"]?.GetValue<string>() == "sign-off");
            output.WriteLine($"{signer.Name}: {answer}");
        }

        // Where the playbook asks for it (Gloucestershire, seed-004 L133) the business manager confirms the
        // report meets WT2018 requirements; until then the partners' signatures do not sign it off.
        if (playbook.SignOff.ComplianceCheck is not null)
        {
            Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
            await world.RunUntilAsync(world.Now.AddMinutes(10));
            await world.SayAsync(Bea, $"wt2018 {code} Checked against Working Together 2018.", "Signed off on");
        }

        Assert.NotNull((await bot.CaseAsync(code)).SignedOffAt);

        // 4. Submission on the business manager's card, on the submission day: the email, report
        // attached, arrives at the National Panel.
        var submissionDue = world.Cases.Schedule.Timetable(playbook, await bot.CaseAsync(code)).Get(playbook.Submission.Deadline);
        await world.RunUntilAsync(Later(WorkingDayCalendar.AtLondon(submissionDue.DueDate, new TimeOnly(10, 0)), world.Now.AddMinutes(30)));
        var submitCard = await world.CardInChatAsync(Bea, "submit-report");
        Assert.Contains("Submitted on", await world.PressInChatAsync(Bea, submitCard, "submit-report", new JsonObject { ["reason"] = string.Empty }), StringComparison.Ordinal);
        var arrived = Assert.Single(await bot.Graph.InboxAsync(WholeCaseBot.NationalPanel));
        Assert.Contains(code, arrived.GetProperty("subject").GetString()!, StringComparison.Ordinal);
        var submission = (await bot.CaseAsync(code)).Submission!;
        Assert.Equal(arrived.GetProperty("internetMessageId").GetString(), submission.MessageId);
        var sentToPanel = Assert.Single(await world.SentAsync(code), m => m.GetProperty("to")[0].GetString() == WholeCaseBot.NationalPanel);
        var attachment = Assert.Single(sentToPanel.GetProperty("attachments").EnumerateArray());
        Assert.EndsWith(".docx", attachment.GetProperty("name").GetString()!, StringComparison.Ordinal);
        Assert.Contains(reportStart, DraftReportTests.Paragraphs(Convert.FromBase64String(attachment.GetProperty("contentBytes").GetString()!)));

        // 5. Afterwards: lesson logs back by email where asked; every item reminded and done until the case closes.
        await world.RunUntilAsync(world.Now.AddMinutes(30));
        await DumpMailAsync(world);
        foreach (var request in await world.SentAsync("Lesson Log – " + code))
        {
            var to = request.GetProperty("to")[0].GetString()!;
            var agency = WholeCaseBot.Agencies.Single(a => a.Lead == to);
            await world.RunUntilAsync(WorkingDayCalendar.AtLondon(WorkingDayCalendar.Default.AddWorkingDays(WorkingDayCalendar.LondonDate(world.Now), 2), new TimeOnly(10, 0)));
            var outcome = await world.ReceiveAsync(AgencyReplies.Mail(to, $"RE: {request.GetProperty("subject").GetString()}", "Our lesson log is attached.", attachments: ("Lesson log.docx", new SimpleFormBuilder().Heading("Lesson log").Rows(("Agency", agency.Name)).Build())));
            Assert.Equal($"lesson log on {code}", outcome);
        }

        for (var round = 0; round < 10 && (await bot.CaseAsync(code)).Stage != CaseStage.Closed; round++)
        {
            var state = await bot.CaseAsync(code);
            var open = new TeamsReviewBot.Process.Afterwards.AfterwardsRules(playbook, world.Cases.Schedule).OpenItems(state);
            var next = open.OrderBy(i => i.DueAt ?? DateTimeOffset.MaxValue).First();
            output.WriteLine($"open: {string.Join(", ", open.Select(i => $"{i.Key} {i.DueAt:O}"))}");
            if (next.DueAt is { } due)
            {
                await world.RunUntilAsync(Later(WorkingDayCalendar.AtLondon(WorkingDayCalendar.LondonDate(due), new TimeOnly(11, 0)), world.Now.AddMinutes(30)));
            }

            output.WriteLine("done: " + await world.SayAsync(Bea, $"done {code} {next.Key} Done, with the evidence in the case folder.", code));
        }

        Assert.Equal(CaseStage.Closed, (await bot.CaseAsync(code)).Stage);
        // A month on, nothing more has been written on the closed case.
        await world.RunUntilAsync(world.Now.AddDays(30));
        Assert.Empty(world.Problems);

        // 6. The audit trail, in the export's words, tells the reviewed story.
        var trail = await world.TrailAsync(code);
        if (Environment.GetEnvironmentVariable("WHOLE_CASE_PRINT") == "1")
        {
            output.WriteLine(string.Join("\n", trail.Select(l => "        \"" + l.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\",")));
        }

        Assert.True(
            ByInstant(story).SequenceEqual(ByInstant(trail)),
            $"The {playbook.Name} case's audit trail differs from its reviewed story.\n--- story ---\n{string.Join("\n", story)}\n--- the bot's trail ---\n{string.Join("\n", trail)}");
        Assert.DoesNotContain(trail, l => l.Contains("Alex Sample", StringComparison.Ordinal) || l.Contains("Test Street", StringComparison.Ordinal));
    }

    /// <summary>The lead of each voting seat, health's deputy instead of its lead where deputies may act.</summary>
    private static IEnumerable<Person> Voters(Playbook playbook) =>
        playbook.Seats.Where(s => s.Votes).Select(s => s.Partner switch
        {
            "local-authority" => Lola,
            "police" => Pat,
            "health" => s.DeputiesMayAct ? Dev : Hana,
            _ => throw new InvalidOperationException("No test person sits for " + s.Key),
        });

    /// <summary>Who signs off to the playbook's rule: the seats needed, health by its deputy where allowed.</summary>
    private static IEnumerable<Person> Signers(Playbook playbook)
    {
        var seats = playbook.SignOff.Seats.Select(k => playbook.FindSeat(k)!).OrderBy(s => s.Partner == "health" ? 0 : 1).Take(playbook.SignOff.Required);
        return seats.Select(s => s.Partner switch
        {
            "local-authority" => Lola,
            "police" => Pat,
            "health" => s.DeputiesMayAct ? Dev : Hana,
            _ => throw new InvalidOperationException("No test person signs for " + s.Key),
        });
    }

    private async Task DumpMailAsync(WholeCaseBot world)
    {
        foreach (var sent in await world.Bot.Graph.SentAsync(PanelBot.Mailbox))
        {
            output.WriteLine($"sent: {sent.GetProperty("subject").GetString()} → {sent.GetProperty("to")[0].GetString()}");
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Lines of one instant compared as a set (what happens at one instant may be written in
    /// either order), instants in order.</summary>
    private static List<string> ByInstant(IEnumerable<string> lines) =>
    [
        .. lines
            .Select((line, index) => (Instant: line.Split(" — ", 2)[0], Line: line, Index: index))
            .GroupBy(l => l.Instant)
            .OrderBy(g => g.Min(l => l.Index))
            .Select(g => g.Key + ": " + string.Join(" | ", g.Select(l => l.Line).Order(StringComparer.Ordinal))),
    ];
}
