using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
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
/// A whole West Midlands case through the real bot under its clock (seed-003; the reviewed story is
/// <see cref="WestMidlandsWholeCaseStory"/>): the Document 1a referral arrives by email; the three
/// Safeguarding Partners agree the notification on the channel card (health by its delegate); the
/// local authority's notification is recorded; the scoping templates go to the agencies as soon as
/// the business manager sends them, on Day 0, and come back by email; the meeting is booked in its 7–13 working-day window, held, and decides on a Local
/// Child Safeguarding Practice Review; the Independent Scrutineer endorses the outcome, which does
/// not stand for a partner's ratification, and each partner then ratifies in personal chat; the
/// Rapid Review Template goes to the National Panel's mailbox within 2 working days of the meeting;
/// the outcome letters go to the referrer and the agencies; the reviewer's name, the LCSPR and the
/// final report to the Panel, Ofsted and DfE are done; the case closes.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class WestMidlandsWholeCaseTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>The partnership's Independent Scrutineer, who may endorse the outcome (seed-003 L240).</summary>
    private static readonly Person Sue = new("29:user-scrutineer", "30000000-0000-0000-0000-000000000010", "Sue Ward", "Scrutineer");

    [Fact]
    public async Task West_Midlands_from_the_referral_email_to_closure()
    {
        const string partnership = "west-midlands";
        var received = WestMidlandsWholeCaseStory.Received;
        await using var world = await WholeCaseBot.StartAsync(azurite, partnership, [.. StatutoryPanel, Sue], received.AddMinutes(-30));
        var bot = world.Bot;
        var playbook = world.Playbook;

        // 1. The Document 1a referral arrives by email; intake opens the case and acknowledges the referrer.
        await world.RunUntilAsync(received);
        var taken = await world.ReceiveAsync(TestMail.Referral(ReferralForm(), "Document 1a Referral Form.docx", WholeCaseBot.Referrer));
        Assert.StartsWith("case ", taken, StringComparison.Ordinal);
        var code = taken.Split(' ')[1];
        output.WriteLine("intake: " + taken);
        var acknowledgement = Assert.Single(await world.SentAsync(code));
        Assert.Equal(WholeCaseBot.Referrer, acknowledgement.GetProperty("to")[0].GetString());
        var dayZero = (await bot.CaseAsync(code)).DayZero;
        DateOnly Day(int n) => WorkingDayCalendar.Default.AddWorkingDays(dayZero, n);

        // 2. The three Safeguarding Partners agree to notify (health by its delegate, L238); the decision is unanimous (L145).
        await world.RunUntilAsync(received.AddHours(1));
        await bot.VoteAsync(Lola, code, "rapid-review", "Serious harm; physical abuse suspected. The local authority will notify.");
        await bot.VoteAsync(Pat, code, "rapid-review", "Serious harm; physical abuse suspected.");
        Assert.Null((await bot.CaseAsync(code)).Decision);
        await bot.VoteAsync(Dev, code, "rapid-review", "Serious harm; physical abuse suspected.");
        Assert.Equal(OutcomeKind.RapidReview, (await bot.CaseAsync(code)).OutcomeKind);
        await world.RunUntilAsync(world.Now.AddMinutes(5));
        Assert.Single(await world.SentAsync(code + ": threshold decision"));

        // 3. The local authority's notification is recorded; the agencies are chosen and the scoping
        // templates go at once, on Day 0, "as early as possible" (L173); the meeting is booked.
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
        foreach (var agency in WholeCaseBot.Agencies)
        {
            var letter = Assert.Single(await world.SentAsync(code), m => m.GetProperty("to")[0].GetString() == agency.Lead);
            Assert.Equal(dayZero, WorkingDayCalendar.LondonDate(DateTimeOffset.Parse(letter.GetProperty("sentDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        await world.SayAsync(Bea, $"meeting {code}", code);
        var slots = await world.CardInChatAsync(Bea, MeetingCard.BookVerb);

        // The first slot offered after the day the returns are due (Day 7): the returns and the chronology
        // are shared before the meeting (L175, L3412–L3414), still within working days 7–13 (L185).
        var returnsDue = WorkingDayCalendar.LondonDate(world.Cases.Schedule.Timetable(playbook, await bot.CaseAsync(code)).Get(playbook.InformationRequests.ReturnsDue).DueAt);
        Assert.Equal(Day(5), returnsDue);
        var booked = await world.PressInChatAsync(Bea, slots, MeetingCard.BookVerb, which: a => WorkingDayCalendar.LondonDate(DateTimeOffset.Parse(a["data"]![MeetingCard.StartField]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)) > returnsDue);
        output.WriteLine("booked: " + booked);
        Assert.Contains("Meeting booked", booked, StringComparison.Ordinal);
        var meetingAt = (await bot.CaseAsync(code)).MeetingAt!.Value;
        var meetingDay = WorkingDayCalendar.LondonDate(meetingAt);
        Assert.InRange(meetingDay, Day(7), Day(13));

        await world.RunUntilAsync(world.Now.AddHours(1));
        foreach (var lead in new[] { Lola, Pat, Hana })
        {
            await world.AnswerInvitationAsync(code, lead, "accepted");
        }

        await bot.Services.GetRequiredService<TeamsReviewBot.Workflows.Meetings.MeetingAnswersCatchUp>().RunAsync(CancellationToken.None);

        // 4. The returns come back by email, by the day they are due (5 working days from Day 0).
        for (var i = 0; i < WholeCaseBot.Agencies.Count; i++)
        {
            var agency = WholeCaseBot.Agencies[i];
            await world.RunUntilAsync(Day(3 + i), 10);
            var scoping = new SimpleFormBuilder().Heading("Initial Scoping and Information Sharing").Rows(("Agency", agency.Name), ("Involvement", "Seen at routine contacts.")).Build();
            var outcome = await world.ReceiveAsync(AgencyReplies.Mail(agency.Lead, $"Initial scoping – {code}", "Our scoping template is attached.", attachments: ("Initial scoping.docx", scoping)));
            output.WriteLine("return: " + outcome);
            Assert.StartsWith($"reply to information request {agency.Name} on {code}", outcome, StringComparison.Ordinal);
        }

        Assert.NotNull((await bot.CaseAsync(code)).ReturnsCompleteAt);

        // 5. The meeting is held, quorate, and decides on a Local Child Safeguarding Practice Review (L1809, L1930–L1944).
        await world.RunUntilAsync(meetingAt.AddHours(2));
        await world.SayAsync(Bea, $"meeting {code} outcome", code);
        var outcomeCard = await world.CardInChatAsync(Bea, MeetingCard.OutcomeVerb);
        var recorded = await world.PressInChatAsync(Bea, outcomeCard, MeetingCard.OutcomeVerb, new JsonObject
        {
            [MeetingCard.PresentInput] = string.Join(",", playbook.Meeting.QuorumPartners),
            [MeetingCard.LearningInput] = "Information sharing between school and health before the injury.",
            [MeetingCard.ReviewInput] = ReviewRecommendations.Yes,
            [MeetingCard.LeadReviewerInput] = "Jordan Reviewer",
        });
        output.WriteLine("outcome: " + recorded);
        Assert.Contains("the meeting's outcome is recorded", recorded, StringComparison.Ordinal);
        Assert.True((await bot.CaseAsync(code)).ReviewDecided);

        // The decision to initiate the LCSPR is recorded the same afternoon; the report is drafted.
        await world.RunUntilAsync(meetingAt.AddHours(3));
        output.WriteLine(await world.SayAsync(Bea, $"done {code} lcspr-initiated Agreed by all participants at the Rapid Review meeting.", "is marked done"));
        await world.RunUntilAsync(meetingAt.AddHours(4));
        await world.SayAsync(Bea, $"report {code}", "I've emailed version");
        await world.SayAsync(Bea, $"sign-off {code}", "I sent the sign-off card");
        var version = (await bot.CaseAsync(code)).CurrentReportVersion!.Number;

        // 6. Ratification the next working day: the scrutineer's endorsement first, which is not a partner's (L240).
        await world.RunUntilAsync(WorkingDayCalendar.AtLondon(WorkingDayCalendar.Default.AddWorkingDays(meetingDay, 1), new TimeOnly(10, 0)));
        foreach (var signer in new[] { Sue, Dev, Lola, Pat })
        {
            await world.RunUntilAsync(world.Now.AddMinutes(10));
            var card = await world.CardInChatAsync(signer, "sign-off", json => json.Contains($"\"version\":\"{version}\"", StringComparison.Ordinal));
            var answer = await world.PressInChatAsync(signer, card, "sign-off", new JsonObject { ["comments"] = string.Empty }, a => a["data"]?["choice"]?.GetValue<string>() == "sign-off");
            output.WriteLine($"{signer.Name}: {answer}");
            if (signer != Pat)
            {
                Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
            }
        }

        Assert.NotNull((await bot.CaseAsync(code)).SignedOffAt);

        // 7. Submission on the card the same morning, within 2 working days of the meeting (L244).
        await world.RunUntilAsync(world.Now.AddMinutes(30));
        var submitCard = await world.CardInChatAsync(Bea, "submit-report");
        Assert.Contains("Submitted on", await world.PressInChatAsync(Bea, submitCard, "submit-report", new JsonObject { ["reason"] = string.Empty }), StringComparison.Ordinal);
        var arrived = Assert.Single(await bot.Graph.InboxAsync(WholeCaseBot.NationalPanel));
        Assert.Contains(code, arrived.GetProperty("subject").GetString()!, StringComparison.Ordinal);
        Assert.Equal(arrived.GetProperty("internetMessageId").GetString(), (await bot.CaseAsync(code)).Submission!.MessageId);
        Assert.True(WorkingDayCalendar.LondonDate(world.Now) <= WorkingDayCalendar.Default.AddWorkingDays(meetingDay, 2));

        // 8. The outcome letters (L248, L3430–L3432) go to the referrer and to each agency that took part.
        await world.RunUntilAsync(world.Now.AddMinutes(30));
        await DumpMailAsync(world);
        var letters = await world.SentAsync("Rapid Review outcome – " + code);
        Assert.Equal(new[] { WholeCaseBot.Referrer, WholeCaseBot.School.Lead, WholeCaseBot.Gp.Lead, WholeCaseBot.Police.Lead }.Order(StringComparer.Ordinal), letters.Select(l => l.GetProperty("to")[0].GetString()!).Order(StringComparer.Ordinal));
        foreach (var letter in letters)
        {
            var body = letter.GetProperty("body").GetString()!;
            Assert.Contains("The Rapid Review Template and accompanying letter were sent to the National Panel on", body, StringComparison.Ordinal);
            Assert.Contains("\"Agencies (including the agency who made the referral) are informed of the outcome of the Rapid Review\"", body, StringComparison.Ordinal);
            Assert.Contains("\"Individual agencies should notify their own inspectorate bodies as required.\"", body, StringComparison.Ordinal);
            Assert.Contains("the Rapid Review recommends a Local Child Safeguarding Practice Review", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Alex Sample", body, StringComparison.Ordinal);
        }

        // 9. Afterwards: the reviewer's name to the Panel, Ofsted and DfE; the LCSPR; the final report; closure.
        await world.RunUntilAsync(world.Now.AddDays(7));
        output.WriteLine(await world.SayAsync(Bea, $"done {code} reviewer-name Jordan Reviewer's name emailed to the National Panel, Ofsted and DfE.", code));
        for (var round = 0; round < 10 && (await bot.CaseAsync(code)).Stage != CaseStage.Closed; round++)
        {
            var state = await bot.CaseAsync(code);
            var open = new TeamsReviewBot.Process.Afterwards.AfterwardsRules(playbook, world.Cases.Schedule).OpenItems(state);
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

        var trail = await world.TrailAsync(code);
        if (Environment.GetEnvironmentVariable("WHOLE_CASE_PRINT") == "1")
        {
            output.WriteLine(string.Join("\n", trail.Select(l => "        \"" + l.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\",")));
        }

        var story = WestMidlandsWholeCaseStory.Lines;
        Assert.True(
            ByInstant(story).SequenceEqual(ByInstant(trail)),
            $"The West Midlands case's audit trail differs from its reviewed story.\n--- story ---\n{string.Join("\n", story)}\n--- the bot's trail ---\n{string.Join("\n", trail)}");
        Assert.DoesNotContain(trail, l => l.Contains("Alex Sample", StringComparison.Ordinal) || l.Contains("Test Street", StringComparison.Ordinal));
    }

    /// <summary>The toolkit's Document 1a, "Referral for consideration for a Child Safeguarding Practice Review" (seed-003 L947–L1210).</summary>
    private static byte[] ReferralForm() => new SimpleFormBuilder()
        .Heading("Referral for consideration for a Child Safeguarding Practice Review")
        .Heading("Background Information")
        .Rows(("Name of Child", "Alex Sample"), ("Date of Referral", "29/04/2027"))
        .Heading("Agency Referral")
        .Rows(("NAME", "Pat Example"), ("AGENCY & DESIGNATION/TITLE", WholeCaseBot.School.Name + ", DSL"), ("CONTACT DETAILS – Address, telephone number and e-mail address", WholeCaseBot.Referrer))
        .Heading("Please give the details of the designated safeguarding lead/officer with whom you have discussed the case.")
        .Rows(("NAME", "Lee Lead"), ("AGENCY & DESIGNATION/TITLE", WholeCaseBot.School.Name + ", Head"))
        .Heading("Section 1: Brief Overview of Child and Family Composition")
        .Heading("1.1 Child's Details")
        .Rows(
            ("Name of Child", "Alex Sample"),
            ("Date of Birth & Age", "14/03/2026, 1"),
            ("Home Address", "1 Test Street, B1 1AA"),
            ("Is the child/young person looked after?", "N"),
            ("Date of Death or Serious Incident (please specify which)", "27/04/2027 serious incident"))
        .Heading("Section 2: Case Background")
        .Rows(("Brief outline of the child and family circumstances and the incident that triggered this referral", "Injuries to a baby seen at school pick-up."))
        .Build();

    private async Task DumpMailAsync(WholeCaseBot world)
    {
        foreach (var sent in await world.Bot.Graph.SentAsync(PanelBot.Mailbox))
        {
            output.WriteLine($"sent: {sent.GetProperty("subject").GetString()} → {sent.GetProperty("to")[0].GetString()}");
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static List<string> ByInstant(IEnumerable<string> lines) =>
    [
        .. lines
            .Select((line, index) => (Instant: line.Split(" — ", 2)[0], Line: line, Index: index))
            .GroupBy(l => l.Instant)
            .OrderBy(g => g.Min(l => l.Index))
            .Select(g => g.Key + ": " + string.Join(" | ", g.Select(l => l.Line).Order(StringComparer.Ordinal))),
    ];
}
