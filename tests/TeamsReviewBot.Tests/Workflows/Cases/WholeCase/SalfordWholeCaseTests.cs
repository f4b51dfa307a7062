using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.InformationRequests;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases.WholeCase;

/// <summary>
/// Salford's whole case through the real bot, under the bot's clock moved from timer to timer
/// (seed-002; the story and its review are in <see cref="SalfordWholeCaseStory"/>): the referral
/// email arrives at the partnership mailbox; two of the Virtual Panel's four vote on the channel
/// card, which is quorate and decides (L278); the agencies are asked on the card and their returns
/// come back by email; the meeting is booked, held and recommends a fuller review; the report is
/// signed off in personal chat by the three partners' own leads and endorsed by the Independent
/// Adviser (L366); the Business Manager submits it on the card within two working days of the meeting
/// (L370) and it arrives in the National Panel's mailbox; the outcome letters go to the referrer and
/// to each agency that took part (L372); the fuller review's milestones (the agreement, the lead
/// reviewer in 10 working days, the review in six months, L166, L378, L380) are done from chat until
/// the case closes. The audit trail is compared line by line with the reviewed story.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SalfordWholeCaseTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Salford's people: the Virtual Panel (Independent Adviser, the Practice Review Group's
    /// chair and deputy chair, the Business Manager) and the three partners' leads who endorse.</summary>
    private static readonly IReadOnlyList<Person> People = [Bea, Ian, Chloe, Dana, Lola, Pat, Hana, Vic];

    /// <summary>No role says "deputy chair": the seat is named in configuration.</summary>
    private static readonly Dictionary<string, string?> DeputyChairSeat = new()
    {
        ["ThresholdDecision:SeatAssignments:0:AadObjectId"] = Dana.AadObjectId,
        ["ThresholdDecision:SeatAssignments:0:Seat"] = "prsg-deputy-chair",
    };

    [Fact]
    public async Task Salford_from_the_referral_email_to_closure()
    {
        var received = SalfordWholeCaseStory.Received;
        await using var world = await WholeCaseBot.StartAsync(azurite, "salford", People, received.AddMinutes(-30), DeputyChairSeat);
        var bot = world.Bot;
        var playbook = world.Playbook;

        // 1. The referral email arrives; intake opens the case, puts it to the Virtual Panel and acknowledges the referrer.
        await world.RunUntilAsync(received);
        var taken = await world.ReceiveAsync(Referral());
        Assert.StartsWith("case ", taken, StringComparison.Ordinal);
        var code = taken.Split(' ')[1];
        Assert.StartsWith("RR-SAL-", code, StringComparison.Ordinal);
        var acknowledgement = Assert.Single(await world.SentAsync(code));
        Assert.Equal(WholeCaseBot.Referrer, acknowledgement.GetProperty("to")[0].GetString());
        var thread = await bot.Teams.WaitForCallAsync(c => c.Path == "/v3/conversations" && c.Body!.ToJsonString().Contains(code, StringComparison.Ordinal), "the case's thread in the panel channel");
        Assert.DoesNotContain("Alex Sample", thread.Body!.ToJsonString(), StringComparison.Ordinal);
        var dayZero = (await bot.CaseAsync(code)).DayZero;
        DateOnly Day(int n) => WorkingDayCalendar.Default.AddWorkingDays(dayZero, n);

        // 2. Two of the four vote on the channel card: quorate and agreed, so decided at once (L278).
        await world.RunUntilAsync(received.AddHours(1));
        var first = await bot.VoteAsync(Ian, code, "rapid-review", "A baby seriously injured; physical abuse suspected.");
        Assert.Contains("Votes: 1 of 4 seats", PanelBot.Words(first), StringComparison.Ordinal);
        await world.RunUntilAsync(received.AddHours(2));
        var second = await bot.VoteAsync(Chloe, code, "rapid-review", "Meets the criteria; the agencies knew the family.");
        Assert.Contains("Decision: Commence rapid review", PanelBot.Words(second), StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.RapidReview, (await bot.CaseAsync(code)).OutcomeKind);
        await world.RunUntilAsync(world.Now.AddMinutes(5));
        var decisionLetter = Assert.Single(await world.SentAsync(code + ": threshold decision"));
        Assert.Equal(WholeCaseBot.Referrer, decisionLetter.GetProperty("to")[0].GetString());

        // 3. National Panel notified; Documents 8, 9 and 10 to the agencies; the meeting booked with them (L332).
        await world.RunUntilAsync(received.AddHours(4));
        await world.SayAsync(Bea, $"notified {code} {Day(0):dd/MM/yyyy}", code);
        await world.RunUntilAsync(world.Now.AddMinutes(30));
        await world.SayAsync(Bea, $"requests {code} choose", code);
        var choose = await world.CardInChatAsync(Bea, AgencySelectionCard.Verb);
        output.WriteLine("requests: " + await world.PressInChatAsync(Bea, choose, AgencySelectionCard.Verb, new JsonObject
        {
            [AgencySelectionCard.AgenciesInput] = string.Join(",", WholeCaseBot.Agencies.Select(a => a.Name)),
            [AgencySelectionCard.ChildInput] = "A.S., born 14/03/2026",
        }));
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
        await world.RunUntilAsync(world.Now.AddHours(1));

        // With it, an hour in the four decision makers' diaries after the meeting to sign off (L332).
        var signOffSlot = (await bot.CaseAsync(code)).SignOffSlot;
        Assert.NotNull(signOffSlot);
        Assert.Equal(meetingAt, signOffSlot.MeetingAt);
        Assert.True(signOffSlot.Start >= meetingAt.AddHours(2), $"the sign-off slot at {signOffSlot.Start:o} is not after the meeting at {meetingAt:o}");
        Assert.Equal(TimeSpan.FromHours(1), signOffSlot.End - signOffSlot.Start);
        Assert.Equal(4, signOffSlot.Invited);
        foreach (var lead in new[] { Lola, Pat, Hana })
        {
            await world.AnswerInvitationAsync(code, lead, "accepted");
        }

        await bot.Services.GetRequiredService<TeamsReviewBot.Workflows.Meetings.MeetingAnswersCatchUp>().RunAsync(CancellationToken.None);

        // The requests go out on the playbook's day, one email to each agency.
        await world.RunUntilAsync(world.Cases.Schedule.Timetable(playbook, await bot.CaseAsync(code)).Get(playbook.InformationRequests.SendBy).DueAt);
        foreach (var agency in WholeCaseBot.Agencies)
        {
            Assert.Single(await world.SentAsync(code), m => m.GetProperty("to")[0].GetString() == agency.Lead);
        }

        // The agencies' returns arrive by email, matched by the case code, within five working days (L304).
        for (var i = 0; i < WholeCaseBot.Agencies.Count; i++)
        {
            var agency = WholeCaseBot.Agencies[i];
            await world.RunUntilAsync(Day(3 + i), 10);
            var summary = new SimpleFormBuilder().Heading("Agency Summary Report").Rows(("Agency", agency.Name), ("Involvement", "Seen at routine contacts.")).Build();
            var outcome = await world.ReceiveAsync(AgencyReplies.Mail(agency.Lead, $"Agency summary – {code}", "Our summary and chronology are attached.", attachments: ("Agency Summary Report.docx", summary)));
            Assert.StartsWith($"reply to information request {agency.Name} on {code}", outcome, StringComparison.Ordinal);
        }

        Assert.NotNull((await bot.CaseAsync(code)).ReturnsCompleteAt);

        // The meeting is held, quorate with all three partners (L346), and recommends a fuller review.
        await world.RunUntilAsync(meetingAt.AddHours(2));
        await world.SayAsync(Bea, $"meeting {code} outcome", code);
        var outcomeCard = await world.CardInChatAsync(Bea, MeetingCard.OutcomeVerb);
        var recorded = await world.PressInChatAsync(Bea, outcomeCard, MeetingCard.OutcomeVerb, new JsonObject
        {
            [MeetingCard.PresentInput] = string.Join(",", playbook.Meeting.QuorumPartners),
            [MeetingCard.LearningInput] = "Information sharing between school and health before the injury.",
            [MeetingCard.ReviewInput] = ReviewRecommendations.Yes,
            [MeetingCard.LeadReviewerInput] = string.Empty,
        });
        Assert.Contains("the meeting's outcome is recorded", recorded, StringComparison.Ordinal);

        // The report drafted the next working day and sent for sign-off; the three partners' own leads
        // sign and the Independent Adviser endorses in the diary slot (L332, L366).
        var meetingDay = WorkingDayCalendar.LondonDate(meetingAt);
        await world.RunUntilAsync(WorkingDayCalendar.Default.AddWorkingDays(meetingDay, 1), 10);
        await world.SayAsync(Bea, $"report {code}", "I've emailed version");
        await world.RunUntilAsync(world.Now.AddMinutes(30));
        await world.SayAsync(Bea, $"sign-off {code}", "I sent the sign-off card");
        var version = (await bot.CaseAsync(code)).CurrentReportVersion!.Number;
        await world.RunUntilAsync(WorkingDayCalendar.Default.AddWorkingDays(meetingDay, 1), 14);
        foreach (var signer in new[] { Hana, Lola, Pat, Ian })
        {
            await world.RunUntilAsync(world.Now.AddMinutes(10));
            var card = await world.CardInChatAsync(signer, "sign-off", json => json.Contains($"\"version\":\"{version}\"", StringComparison.Ordinal));
            var answer = await world.PressInChatAsync(signer, card, "sign-off", new JsonObject { ["comments"] = string.Empty }, a => a["data"]?["choice"]?.GetValue<string>() == "sign-off");
            output.WriteLine($"{signer.Name}: {answer}");
            if (signer != Ian)
            {
                Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
            }
        }

        Assert.NotNull((await bot.CaseAsync(code)).SignedOffAt);

        // 4. The Business Manager submits on the card the next morning, within two working days of the
        // meeting (L370): the email, report attached, arrives at the National Panel.
        await world.RunUntilAsync(WorkingDayCalendar.Default.AddWorkingDays(meetingDay, 2), 10);
        var submitCard = await world.CardInChatAsync(Bea, "submit-report");
        Assert.Contains("Submitted on", await world.PressInChatAsync(Bea, submitCard, "submit-report", new JsonObject { ["reason"] = string.Empty }), StringComparison.Ordinal);
        var arrived = Assert.Single(await bot.Graph.InboxAsync(WholeCaseBot.NationalPanel));
        Assert.Contains(code, arrived.GetProperty("subject").GetString()!, StringComparison.Ordinal);
        Assert.Equal(arrived.GetProperty("internetMessageId").GetString(), (await bot.CaseAsync(code)).Submission!.MessageId);
        var sentToPanel = Assert.Single(await world.SentAsync(code), m => m.GetProperty("to")[0].GetString() == WholeCaseBot.NationalPanel);
        Assert.EndsWith(".docx", Assert.Single(sentToPanel.GetProperty("attachments").EnumerateArray()).GetProperty("name").GetString()!, StringComparison.Ordinal);

        // 5. The outcome letters: the referrer and each agency that took part are told (L372).
        await world.RunUntilAsync(world.Now.AddMinutes(30));
        var letters = await world.SentAsync("Rapid Review outcome – " + code);
        Assert.Equal(
            new[] { WholeCaseBot.Referrer }.Concat(WholeCaseBot.Agencies.Select(a => a.Lead)).Order(StringComparer.Ordinal),
            letters.Select(l => l.GetProperty("to")[0].GetString()!).Order(StringComparer.Ordinal));
        foreach (var letter in letters)
        {
            var body = letter.GetProperty("body").GetString()!;
            Assert.Contains("\"Other agencies (including the agency who made the referral) should also be informed of the outcome\"", body, StringComparison.Ordinal);
            Assert.Contains("the Rapid Review recommends a Local Child Safeguarding Practice Review.", body, StringComparison.Ordinal);
            Assert.Contains("\"individual agencies should notify their own inspectorate bodies as required\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Alex Sample", body, StringComparison.Ordinal);
        }

        // The fuller review: agreed with the National Panel, which the Business Manager tells of it (L166, L378);
        // the lead reviewer appointed within 10 working days (L380); the review completed in six months (L166).
        var submittedOn = WorkingDayCalendar.LondonDate(world.Now);
        await world.RunUntilAsync(WorkingDayCalendar.Default.AddWorkingDays(submittedOn, 5), 11);
        output.WriteLine(await world.SayAsync(Bea, $"done {code} fuller-review-agreed The National Panel agreed a local child safeguarding practice review.", code));
        output.WriteLine(await world.SayAsync(Bea, $"done {code} further-review-notice The National Panel was told; the reviewer is not yet commissioned.", code));
        for (var round = 0; round < 10 && (await bot.CaseAsync(code)).Stage != CaseStage.Closed; round++)
        {
            var open = new AfterwardsRules(playbook, world.Cases.Schedule).OpenItems(await bot.CaseAsync(code));
            output.WriteLine($"open: {string.Join(", ", open.Select(i => $"{i.Key} {i.DueAt:O}"))}");
            var next = open.OrderBy(i => i.DueAt ?? DateTimeOffset.MaxValue).First();
            if (next.DueAt is { } due)
            {
                await world.RunUntilAsync(Later(WorkingDayCalendar.AtLondon(WorkingDayCalendar.LondonDate(due), new TimeOnly(11, 0)), world.Now.AddMinutes(30)));
            }

            output.WriteLine("done: " + await world.SayAsync(Bea, $"done {code} {next.Key} Done, with the evidence in the case folder.", code));
        }

        Assert.Equal(CaseStage.Closed, (await bot.CaseAsync(code)).Stage);
        await world.RunUntilAsync(world.Now.AddDays(30));
        Assert.Empty(world.Problems);

        // 6. The audit trail, in the export's words, tells the reviewed story.
        var trail = await world.TrailAsync(code);
        if (Environment.GetEnvironmentVariable("WHOLE_CASE_PRINT") == "1")
        {
            output.WriteLine(string.Join("\n", trail.Select(l => "        \"" + l.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\",")));
        }

        Assert.True(
            ByInstant(SalfordWholeCaseStory.Lines).SequenceEqual(ByInstant(trail)),
            $"The Salford case's audit trail differs from its reviewed story.\n--- story ---\n{string.Join("\n", SalfordWholeCaseStory.Lines)}\n--- the bot's trail ---\n{string.Join("\n", trail)}");
        Assert.DoesNotContain(trail, l => l.Contains("Alex Sample", StringComparison.Ordinal) || l.Contains("Test Street", StringComparison.Ordinal));
    }

    /// <summary>Salford's referral. Its own Practice Review Referral Form (Document 7) is not reproduced
    /// in the policy (seed-002 §2.4 [GAP]); as one of the ten Greater Manchester authorities it arrives on
    /// the Greater Manchester notification form, filled in for Salford.</summary>
    private static byte[] Referral() => TestMail.Referral(
        GmFormBuilder.Filled()
            .Set("Local Authority where child ordinarily resides", "Salford")
            .Set("Local Authority where incident occurred", "Salford")
            .Set("Referrer Organisation", WholeCaseBot.School.Name)
            .Set("E", WholeCaseBot.Referrer)
            .Date("Date of Referral", new DateTime(2026, 12, 21))
            .Date("Date of Incident", new DateTime(2026, 12, 19))
            .Build(),
        from: WholeCaseBot.Referrer);

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
