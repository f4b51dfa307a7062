using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Workflows.Report;
using TeamsReviewBot.Workflows.Submission;
using TeamsReviewBot.Workflows.Timers;
using Microsoft.Extensions.Options;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Submission;

/// <summary>
/// The report's submission to the National Panel through /api/messages, with the partnership mailbox
/// and the Panel's mailbox in the Graph sandbox (real Microsoft.Graph SDK) and a fixed clock: once the
/// sign-off rule is met each business manager gets one card; "Submit" (or "submit ‹case›") emails the
/// current version from the partnership mailbox and records the sent email's internetMessageId; a
/// second submission is refused saying when and by whom; before sign-off only with a reason; and a
/// send whose answer is lost, followed by a restart, leaves exactly one email and the case submitted.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SubmissionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Panel = "national.panel@sandbox.example";
    private static readonly Person Bo = new("29:user-manager-two", "30000000-0000-0000-0000-000000000010", "Bo Marsh", "BusinessManager");

    private PanelBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Oldham_sign_off_gives_each_business_manager_one_card_whose_Submit_emails_the_report_once()
    {
        var code = await RapidReviewCaseAsync("oldham");
        await AddVersionAsync(code);
        await SignOffAsync(code, Lola, Pat);

        var beaCard = await SubmissionCardToAsync(Bea);
        var boCard = await SubmissionCardToAsync(Bo);
        var words = PanelBot.Words(beaCard);
        var state = await _bot!.CaseAsync(code);
        Assert.Contains(state.CurrentReportVersion!.Sha256[..12], words, StringComparison.Ordinal);
        Assert.Contains("Lola Adeyemi (Assistant Director for Safeguarding/Quality Assurance)", words, StringComparison.Ordinal);
        Assert.Contains("Pat Okafor (Superintendent/Detective Chief Inspector – GMP)", words, StringComparison.Ordinal);
        Assert.Contains(Panel, words, StringComparison.Ordinal);
        Assert.Contains("Report sent to the National Panel", words, StringComparison.Ordinal);
        Assert.Contains($"Please find attached the Rapid Review report for case {code}", words, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, words + PanelBot.Words(boCard), StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, words, StringComparison.Ordinal);

        // Once the cards are recorded as sent, their timer firing anyway (at least once is its promise) sends no second card.
        await CardsRecordedAsync(code);
        await _bot.Services.GetRequiredService<SubmissionCardOutbox>().HandleAsync(new DurableTimer(SubmissionCardOutbox.TimerId(code), SubmissionCardOutbox.TimerKind, code, _bot.Clock.GetUtcNow(), "{}"), CancellationToken.None);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        Assert.Single(SubmissionCardsTo(Bea));
        Assert.Single(SubmissionCardsTo(Bo));

        // Someone who is not a business manager is refused, and nothing goes.
        var refused = await PressSubmitAsync(Vic, beaCard);
        Assert.Contains("Only a business manager can submit", PanelBot.Words(refused), StringComparison.Ordinal);
        Assert.Empty(await ToPanelAsync());

        var pressed = await PressSubmitAsync(Bea, beaCard);
        Assert.Contains("Submitted on", PanelBot.Words(pressed), StringComparison.Ordinal);

        var sent = Assert.Single(await ToPanelAsync());
        Assert.Equal([Panel], sent.GetProperty("to").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal($"Rapid Review – Oldham Safeguarding Children Partnership – {code}", sent.GetProperty("subject").GetString());
        var attachment = Assert.Single(sent.GetProperty("attachments").EnumerateArray());
        var attached = Convert.FromBase64String(attachment.GetProperty("contentBytes").GetString()!);
        Assert.Equal(state.CurrentReportVersion.Sha256, Convert.ToHexStringLower(SHA256.HashData(attached)));
        Assert.DoesNotContain(PanelBot.ChildName, sent.GetProperty("subject").GetString() + sent.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Single(await _bot.Graph.InboxAsync(Panel));

        var submitted = (await _bot.CaseAsync(code)).Submission!;
        Assert.Equal(sent.GetProperty("internetMessageId").GetString(), submitted.MessageId);
        Assert.Equal(1, submitted.Version);
        Assert.Equal("Bea Manning", submitted.By);
        Assert.Null(submitted.BeforeSignOffReason);
        Assert.Equal(CaseStage.Submitted, (await _bot.CaseAsync(code)).Stage);

        // The case's thread card and its timetable say when it went, and in which email.
        var thread = (await _bot.SharedCardAsync(code, json => json.Contains("Submitted on", StringComparison.Ordinal), "the thread card saying the report was submitted")).Card;
        Assert.Contains($"Submitted on {TeamsReviewBot.Process.Calendar.BritishDates.DateAndTime(submitted.At)} by Bea Manning to {Panel} (message id {submitted.MessageId})", PanelBot.Words(thread), StringComparison.Ordinal);
        await _bot.SayAsync(Bea, "timetable " + code);
        Assert.Contains(submitted.MessageId!, await _bot.WaitForPersonalAsync(Bea, "Submitted on"), StringComparison.Ordinal);

        // A second submission, by the other business manager from chat, says when and by whom it went.
        await _bot.SayAsync(Bo, "submit " + code);
        var again = await _bot.WaitForPersonalAsync(Bo, "already submitted");
        Assert.Contains("by Bea Manning", again, StringComparison.Ordinal);
        Assert.Contains(submitted.MessageId!, again, StringComparison.Ordinal);
        Assert.Single(await ToPanelAsync());
        Assert.Single(await _bot.StreamAsync(code), e => e.Type == CaseEventTypes.Submitted);

        var trail = AuditTrail.Render(_bot.Services.GetRequiredService<PlaybookCatalogue>().Get("oldham"), await _bot.StreamAsync(code));
        Assert.Contains(trail, l => l.Contains("Bea Manning (business manager) submitted the report: Version 1 of the report emailed to " + Panel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_sign_off_submit_is_refused_without_a_reason_and_the_reason_given_is_recorded()
    {
        var code = await RapidReviewCaseAsync("tameside");
        await AddVersionAsync(code);

        await _bot!.SayAsync(Bea, "submit " + code);
        Assert.Contains("not signed off yet", await _bot.WaitForPersonalAsync(Bea, "Nothing was sent"), StringComparison.Ordinal);
        await _bot.SayAsync(Vic, $"submit {code} I want it gone");
        await _bot.WaitForPersonalAsync(Vic, "Only a business manager can submit");
        Assert.Empty(await ToPanelAsync());

        await _bot.SayAsync(Bea, $"submit {code} Day 15 today; the health lead agreed by phone and signs tomorrow");
        var done = await _bot.WaitForPersonalAsync(Bea, "was emailed to");
        Assert.Contains("Submitted on", done, StringComparison.Ordinal);

        var submitted = Assert.Single(await _bot.EventsAsync<Submitted>(code, CaseEventTypes.Submitted));
        Assert.Equal("Day 15 today; the health lead agreed by phone and signs tomorrow", submitted.BeforeSignOffReason);
        Assert.Contains("before the sign-off rule was met", submitted.Reason, StringComparison.Ordinal);
        var sent = Assert.Single(await ToPanelAsync());
        Assert.Equal(sent.GetProperty("internetMessageId").GetString(), submitted.MessageId);
    }

    [Fact]
    public async Task A_send_whose_answer_is_lost_then_a_restart_leaves_exactly_one_email_and_the_case_submitted()
    {
        var code = await RapidReviewCaseAsync("oldham");
        await AddVersionAsync(code);
        await SignOffAsync(code, Lola, Pat);

        // Graph sends the email and the answer never reaches the bot: it cannot know the email went.
        // The decision's email to the referrer goes first, so the lost answer is the submission's.
        await _bot!.BackgroundWorkDoneAsync();
        await _bot.Graph.FaultsAsync(new { loseSendAnswers = 1 });
        await _bot.SayAsync(Bea, "submit " + code);
        await _bot.WaitForPersonalAsync(Bea, "may or may not have gone");
        Assert.Single(await ToPanelAsync());
        Assert.Null((await _bot.CaseAsync(code)).SubmittedAt);

        // The bot stops before anything else happens, and starts again.
        await _bot.RestartAsync();
        var lease = _bot.Services.GetRequiredService<IOptions<TimerPumpOptions>>().Value.Lease;
        // The row falls due a lease later; a pass that cannot reach Graph leaves it to fire again after another lease.
        for (var pass = 0; pass < 3 && (await _bot.CaseAsync(code)).SubmittedAt is null; pass++)
        {
            await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow() + lease + TimeSpan.FromSeconds(1));
        }

        var sent = Assert.Single(await ToPanelAsync());
        Assert.Single(await _bot.Graph.InboxAsync(Panel));
        var state = await _bot.CaseAsync(code);
        Assert.Equal(sent.GetProperty("internetMessageId").GetString(), state.Submission!.MessageId);
        Assert.Equal("Bea Manning", state.Submission.By);
        await _bot.WaitForPersonalAsync(Bea, "It had already gone and was found in the partnership mailbox");

        // Asking again afterwards sends nothing more.
        await _bot.SayAsync(Bea, "submit " + code);
        await _bot.WaitForPersonalAsync(Bea, "already submitted");
        Assert.Single(await ToPanelAsync());
        Assert.Single(await _bot.StreamAsync(code), e => e.Type == CaseEventTypes.Submitted);
    }

    [Fact]
    public async Task The_National_Panels_reply_is_recorded_on_the_submitted_case_once_and_the_business_managers_are_told()
    {
        var code = await RapidReviewCaseAsync("oldham");
        await AddVersionAsync(code);
        await SignOffAsync(code, Lola, Pat);
        await _bot!.SayAsync(Bea, "submit " + code);
        await _bot.WaitForPersonalAsync(Bea, "was emailed to");
        var submitted = (await _bot.CaseAsync(code)).Submission!;

        // Mail in the Panel's name whose domain the receiving server did not authenticate records nothing.
        var forged = await ReceiveAsync(TeamsReviewBot.Tests.Workflows.InformationRequests.AgencyReplies.Mail(Panel, "RE: your Rapid Review", "Thank you.", inReplyTo: submitted.MessageId));
        Assert.StartsWith("shown to business managers", forged, StringComparison.Ordinal);
        Assert.Empty((await _bot.CaseAsync(code)).PanelReplies);

        // A reply to the submission email, with no case code in its subject, is matched by its In-Reply-To.
        var threaded = await ReceiveAsync(TeamsReviewBot.Tests.Workflows.InformationRequests.AgencyReplies.Mail(Panel, "RE: your Rapid Review", "Thank you, received.", inReplyTo: submitted.MessageId, headers: [("Authentication-Results", PanelAuthenticated)]));
        Assert.Equal($"National Panel reply on {code} (matched by in-reply-to)", threaded);
        var reply = Assert.Single((await _bot.CaseAsync(code)).PanelReplies);
        Assert.Equal((Panel, "RE: your Rapid Review", "in-reply-to"), (reply.From, reply.Subject, reply.MatchedBy));
        var told = await _bot.WaitForPersonalAsync(Bea, "the National Panel replied about case " + code);
        Assert.DoesNotContain("RE: your Rapid Review", told, StringComparison.Ordinal);
        await _bot.WaitForPersonalAsync(Bo, "the National Panel replied about case " + code);
        Assert.DoesNotContain(await _bot.StreamAsync(code), e => e.Type == TeamsReviewBot.Process.InformationRequests.RequestEventTypes.ReplyRecorded);

        // Offered again (a retry of intake), the same email is not recorded or announced a second time.
        var again = await _bot.Services.GetRequiredService<TeamsReviewBot.GraphIntegration.Mail.MailboxReader>().GetAsync(PanelBot.Mailbox, await InboxIdAsync(reply.InternetMessageId), 10_000_000, CancellationToken.None);
        var followUp = _bot.Services.GetServices<TeamsReviewBot.Workflows.Intake.ICaseMailFollowUp>().OfType<NationalPanelReplyFollowUp>().Single();
        Assert.NotNull(await followUp.TakeAsync(again!, CancellationToken.None));
        Assert.Single((await _bot.CaseAsync(code)).PanelReplies);
        Assert.Single(_bot.Teams.Calls, c => c.Path.StartsWith("/v3/conversations/a:chat-" + Bea.TeamsId, StringComparison.Ordinal) && c.Text.Contains("the National Panel replied about case", StringComparison.Ordinal));

        // A new email naming the case code in its subject is matched by it.
        var bySubject = await ReceiveAsync(TeamsReviewBot.Tests.Workflows.InformationRequests.AgencyReplies.Mail(Panel, $"Rapid Review – Oldham Safeguarding Children Partnership – {code}: our response", "The Panel's response is attached.", headers: [("Authentication-Results", PanelAuthenticated)]));
        Assert.Equal($"National Panel reply on {code} (matched by case code in the subject)", bySubject);
        Assert.Equal(2, (await _bot.CaseAsync(code)).PanelReplies.Count);

        var trail = AuditTrail.Render(_bot.Services.GetRequiredService<PlaybookCatalogue>().Get("oldham"), await _bot.StreamAsync(code));
        Assert.Contains(trail, l => l.Contains("The National Panel replied to the submission from " + Panel, StringComparison.Ordinal) && l.Contains("matched by in-reply-to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Oldham_counts_down_to_4_pm_on_Day_15_with_reminders_at_9_and_2_that_stop_once_submitted()
    {
        var code = await RapidReviewCaseAsync("oldham");
        await AddVersionAsync(code);
        await SignOffAsync(code, Lola, Pat);
        var cases = _bot!.Services.GetRequiredService<TeamsReviewBot.Workflows.Cases.CaseService>();
        var due = cases.Schedule.Timetable(cases.Playbooks.Get("oldham"), await _bot.CaseAsync(code)).Find("submission")!.DueAt;
        var day15 = TeamsReviewBot.Process.Calendar.WorkingDayCalendar.LondonDate(due);
        Assert.Equal(TeamsReviewBot.Process.Calendar.WorkingDayCalendar.AtLondon(day15, new TimeOnly(16, 0)), due);

        // The morning of Day 15: the deadline's own reminder speaks, once, for the 9 am countdown too.
        await _bot.JumpAndFireTimersAsync(TeamsReviewBot.Process.Calendar.WorkingDayCalendar.AtLondon(day15, new TimeOnly(9, 1)));
        await _bot.WaitForPersonalAsync(Bea, $"Case {code}: 'Report sent to the National Panel' is due today");
        await _bot.WaitForPersonalAsync(Bo, $"Case {code}: 'Report sent to the National Panel' is due today");

        // 2 pm, two hours before the cut-off, and still not submitted.
        await _bot.JumpAndFireTimersAsync(TeamsReviewBot.Process.Calendar.WorkingDayCalendar.AtLondon(day15, new TimeOnly(14, 1)));
        var countdown = await _bot.WaitForPersonalAsync(Bea, $"Case {code}: 'Report sent to the National Panel' is due by");
        Assert.Contains("and is not done yet", countdown, StringComparison.Ordinal);
        var reminders = await _bot.EventsAsync<ReminderSent>(code, CaseEventTypes.ReminderSent);
        var onDay15 = reminders.Where(r => r.Deadline == "submission" && r.Kind != "before").Select(r => r.Kind).Order();
        Assert.Equal(["countdown", "on-the-day"], onDay15);

        // Submitted at 3 pm: the 4 pm escalation never comes.
        await _bot.JumpAndFireTimersAsync(TeamsReviewBot.Process.Calendar.WorkingDayCalendar.AtLondon(day15, new TimeOnly(15, 0)));
        await _bot.SayAsync(Bea, "submit " + code);
        await _bot.WaitForPersonalAsync(Bea, "was emailed to");
        await _bot.JumpAndFireTimersAsync(TeamsReviewBot.Process.Calendar.WorkingDayCalendar.AtLondon(day15, new TimeOnly(16, 30)));
        Assert.DoesNotContain(await _bot.EventsAsync<DeadlineMissed>(code, CaseEventTypes.DeadlineMissed), m => m.Deadline == "submission");
        Assert.DoesNotContain(_bot.Teams.Calls, c => c.Text.Contains($"'Report sent to the National Panel' was due", StringComparison.Ordinal));
        Assert.Single(_bot.Teams.Calls, c => c.Path.StartsWith("/v3/conversations/a:chat-" + Bea.TeamsId, StringComparison.Ordinal) && c.Text.Contains($"Case {code}: 'Report sent to the National Panel' is due by", StringComparison.Ordinal));
    }

    private const string PanelAuthenticated = "spf=pass (sender IP is 192.0.2.7) smtp.mailfrom=sandbox.example; dkim=pass (signature was verified) header.d=sandbox.example; dmarc=pass action=none header.from=sandbox.example";

    private async Task<string> InboxIdAsync(string internetMessageId)
    {
        var inbox = (await _bot!.Graph.Control.GetFromJsonAsync<JsonElement[]>(new Uri($"sandbox/mailboxes/{PanelBot.Mailbox}/inbox", UriKind.Relative)))!;
        return inbox.Single(m => m.GetProperty("internetMessageId").GetString() == internetMessageId).GetProperty("id").GetString()!;
    }

    private Task<string> ReceiveAsync(byte[] rfc822) => _bot!.ReceiveMailAsync(rfc822);

    /// <summary>What the partnership mailbox sent to the National Panel (it also wrote to the referrer).</summary>
    private async Task<List<JsonElement>> ToPanelAsync() =>
        [.. (await _bot!.Graph.SentAsync(PanelBot.Mailbox)).Where(m => m.GetProperty("to").EnumerateArray().Any(a => a.GetString() == Panel))];

    private async Task CardsRecordedAsync(string code)
    {
        for (var i = 0; i < 200 && !(await _bot!.CaseAsync(code)).Notifications.Contains(SubmissionCardOutbox.NotificationId(code)); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(SubmissionCardOutbox.NotificationId(code), (await _bot!.CaseAsync(code)).Notifications);
    }

    private async Task<string> RapidReviewCaseAsync(string partnership)
    {
        _bot = await PanelBot.StartAsync(azurite, partnership, [.. StatutoryPanel, Bo], new Dictionary<string, string?>
        {
            ["Timers:PollInterval"] = "01:00:00",
            ["Submission:PanelAddress"] = Panel,
        });
        await _bot.Graph.ReceivesAsync(Panel);
        foreach (var person in new[] { Bea, Bo, Lola, Pat, Hana, Dev, Vic })
        {
            await _bot.PersonalInstallAsync(person);
        }

        var code = await _bot.ReferAsync(Bea);
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await _bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        Assert.Equal(OutcomeKind.RapidReview, (await _bot.CaseAsync(code)).OutcomeKind);
        return code;
    }

    private async Task AddVersionAsync(string code)
    {
        var draft = await _bot!.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default);
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(draft!, "author", new Actor(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null), "Version added.", default);
    }

    private async Task SignOffAsync(string code, params Person[] partners)
    {
        await _bot!.SayAsync(Bea, "sign-off " + code);
        await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card");
        foreach (var partner in partners)
        {
            var call = await _bot.Teams.WaitForCallAsync(
                c => c.Path.StartsWith("/v3/conversations/a:chat-" + partner.TeamsId, StringComparison.Ordinal) && c.Card?.ToJsonString().Contains("\"verb\":\"sign-off\"", StringComparison.Ordinal) == true,
                $"the sign-off card to {partner.Name}");
            var action = call.Card!["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == "sign-off")!;
            await _bot.InvokeAsync(partner, "sign-off", (JsonObject)action["data"]!.DeepClone(), conversationId: "a:chat-" + partner.TeamsId);
        }

        Assert.NotNull((await _bot.CaseAsync(code)).SignedOffAt);
    }

    private async Task<JsonNode> SubmissionCardToAsync(Person person) =>
        (await _bot!.Teams.WaitForCallAsync(c => IsSubmissionCardTo(c, person), $"the submission card to {person.Name}")).Card!;

    private List<ConnectorCall> SubmissionCardsTo(Person person) => [.. _bot!.Teams.Calls.Where(c => IsSubmissionCardTo(c, person))];

    private static bool IsSubmissionCardTo(ConnectorCall call, Person person) =>
        call.Method == "POST"
        && call.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal)
        && call.Card?.ToJsonString().Contains("\"verb\":\"submit-report\"", StringComparison.Ordinal) == true;

    private async Task<JsonObject> PressSubmitAsync(Person person, JsonNode card, string reason = "")
    {
        var action = card["actions"]!.AsArray().First(a => a!["verb"]!.GetValue<string>() == "submit-report")!;
        var data = (JsonObject)action["data"]!.DeepClone();
        data["reason"] = reason;
        return await _bot!.InvokeAsync(person, "submit-report", data, conversationId: "a:chat-" + person.TeamsId);
    }
}
