using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;

namespace TeamsReviewBot.Tests.Workflows.Intake;

/// <summary>
/// End to end through the real Microsoft.Graph SDK: mail dropped into the sandbox's inbox as RFC 822,
/// Graph-shaped notifications pushed to the bot over HTTP, the bot reading and replying through Graph.
/// </summary>
public sealed class MailboxIntakeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_referral_whose_notification_arrives_three_times_opens_exactly_one_case()
    {
        await using var local = await LocalIntake.StartAsync();
        await local.Sandbox.FaultsAsync(new { notificationCopies = 3 });

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);
        await Task.Delay(1500); // let any late copy be handled too

        var cases = await local.CasesAsync();
        var only = Assert.Single(cases);
        Assert.StartsWith(LocalIntake.CodePrefix + "-", only.CaseCode, StringComparison.Ordinal);
        Assert.Equal(3, local.Sandbox.State.Stats.NotificationsDelivered);
        var acknowledgement = Assert.Single(await local.Sandbox.SentAsync(local.Mailbox));
        Assert.Equal(TestMail.Referrer, acknowledgement.GetProperty("to")[0].GetString());
        Assert.Contains(only.CaseCode, acknowledgement.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Sample", acknowledgement.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Empty(local.Alerts);
    }

    [Fact]
    public async Task A_referral_whose_notification_is_dropped_is_found_by_the_delta_sync()
    {
        await using var local = await LocalIntake.StartAsync(deltaSyncInterval: TimeSpan.FromSeconds(2));
        await local.Sandbox.FaultsAsync(new { dropNotifications = 1 });

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);

        Assert.Equal(1, local.Sandbox.State.Stats.NotificationsDropped);
        Assert.Equal(0, local.Sandbox.State.Stats.NotificationsDelivered);
        Assert.Single(await local.CasesAsync());
        Assert.Single(await local.Sandbox.SentAsync(local.Mailbox));
    }

    [Fact]
    public async Task The_case_stream_holds_the_referral_read_from_the_form()
    {
        await using var local = await LocalIntake.StartAsync();

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);

        var entry = Assert.Single(await local.CasesAsync());
        var events = await local.CaseEventsAsync(entry.CaseCode);
        Assert.Equal(
            ["CaseOpened", IntakeEventTypes.ReferralReceived, IntakeEventTypes.ReferrerAcknowledged],
            events.Select(e => e.Type).Where(t => t is "CaseOpened" || t.StartsWith("Referr", StringComparison.Ordinal)));

        // Day 0 and the timetable come from the playbook: the case has a next deadline.
        using var opened = JsonDocument.Parse(events[0].Data);
        var dayZero = DateOnly.Parse(opened.RootElement.GetProperty("dayZero").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        // The sandbox stamps the mail as received now: Day 0 is today or the next working day, which
        // after Christmas Eve's or Maundy Thursday's cut-off is five days on.
        Assert.InRange(dayZero, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)));
        Assert.NotNull(entry.NextDeadline);
        Assert.DoesNotContain("Alex Sample", events[0].Data, StringComparison.Ordinal);

        using var referral = JsonDocument.Parse(events.Single(e => e.Type == IntakeEventTypes.ReferralReceived).Data);
        var fields = referral.RootElement.GetProperty("intake").GetProperty("details").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("2026-11-18", fields["incidentDate"]);
        Assert.Equal("Serious harm: physical abuse", referral.RootElement.GetProperty("incidentCategory").GetString());
        Assert.Equal("5 to 10", referral.RootElement.GetProperty("ageBand").GetString());

        // The child's details and the referral's free text are sealed apart, not in the stream.
        Assert.Null(fields["childName"]);
        Assert.Null(fields["mainTypeOfAbuse"]);
        var stream = string.Join("\n", events.Select(e => e.Data));
        Assert.DoesNotContain("Alex Sample", stream, StringComparison.Ordinal);
        Assert.DoesNotContain("1 Test Street", stream, StringComparison.Ordinal);
        Assert.DoesNotContain("01/02/2019", stream, StringComparison.Ordinal);
        Assert.DoesNotContain("Admitted to hospital", stream, StringComparison.Ordinal);
        var sealedReferral = await local.Services.GetRequiredService<ReferralVault>().OpenAsync(entry.CaseCode, CancellationToken.None);
        Assert.Equal("Alex Sample", sealedReferral!.Value("childName"));
        Assert.Equal("01/02/2019", sealedReferral.Value("childDateOfBirth"));
        Assert.Equal("Admitted to hospital with injuries.", sealedReferral.Value("incidentOutline"));
    }

    [Fact]
    public async Task A_referral_over_32K_characters_opens_its_case_with_the_referral_recorded_and_nothing_half_done()
    {
        await using var local = await LocalIntake.StartAsync();
        var outline = string.Concat(Enumerable.Repeat("The child was seen at hospital with injuries that were not explained. ", 700));
        Assert.True(outline.Length > 40_000);

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled()
            .Set("Incident Outline: What is it about this incident that makes it serious and why it meets the criteria for Rapid Review", outline)
            .Build()));
        await local.SettledAsync(1);

        var entry = Assert.Single(await local.CasesAsync());
        var types = (await local.CaseEventsAsync(entry.CaseCode)).Select(e => e.Type).ToList();
        Assert.Equal(1, types.Count(t => t == "CaseOpened"));
        Assert.Equal(1, types.Count(t => t == IntakeEventTypes.ReferralReceived));
        Assert.Contains(IntakeEventTypes.ReferrerAcknowledged, types);
        var sealedReferral = await local.Services.GetRequiredService<ReferralVault>().OpenAsync(entry.CaseCode, CancellationToken.None);
        Assert.Equal(outline.Trim(), sealedReferral!.Value("incidentOutline"));
        Assert.Empty(local.Alerts);
    }

    [Fact]
    public async Task A_subscription_removed_by_Graph_is_recreated_and_mail_sent_meanwhile_is_still_picked_up()
    {
        await using var local = await LocalIntake.StartAsync();
        var first = (await local.Sync.FindAsync(local.Mailbox))!.SubscriptionId;

        await local.Sandbox.LifecycleAsync(first, "subscriptionRemoved");
        // Mail that arrives while there is no subscription gets no notification at all.
        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));

        await LocalIntake.WaitUntilAsync(
            async () => (await local.Sync.FindAsync(local.Mailbox))!.SubscriptionId != first,
            "a new subscription");
        await local.SettledAsync(1);

        var second = (await local.Sync.FindAsync(local.Mailbox))!.SubscriptionId;
        Assert.NotNull(local.Sandbox.State.FindSubscription(second));
        Assert.Null(local.Sandbox.State.FindSubscription(first));
        Assert.Single(await local.CasesAsync());

        // And the new subscription delivers.
        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(2);
        Assert.Equal(2, (await local.CasesAsync()).Count);
    }

    [Fact]
    public async Task An_acknowledgement_whose_send_answer_was_lost_reaches_the_referrer_once()
    {
        await using var local = await LocalIntake.StartAsync();
        await local.Sandbox.FaultsAsync(new { loseSendAnswers = 1 });

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1, TimeSpan.FromSeconds(60));

        var only = Assert.Single(await local.CasesAsync());
        var acknowledgement = Assert.Single(await local.Sandbox.SentAsync(local.Mailbox));
        Assert.Contains(only.CaseCode, acknowledgement.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var recorded = Assert.Single(await local.CaseEventsAsync(only.CaseCode), e => e.Type == IntakeEventTypes.ReferrerAcknowledged);
        using var data = JsonDocument.Parse(recorded.Data);
        Assert.Equal(acknowledgement.GetProperty("internetMessageId").GetString(), data.RootElement.GetProperty("internetMessageId").GetString());
    }

    [Fact]
    public async Task A_429_storm_slows_intake_down_without_losing_or_doubling_anything()
    {
        await using var local = await LocalIntake.StartAsync();
        const int referrals = 12;
        await local.Sandbox.FaultsAsync(new { throttleNext = 25, retryAfterSeconds = 1, notificationCopies = 2 });
        var started = DateTime.UtcNow;

        for (var i = 0; i < referrals; i++)
        {
            await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        }

        await local.SettledAsync(referrals, TimeSpan.FromSeconds(90));
        var elapsed = DateTime.UtcNow - started;

        var stats = local.Sandbox.State.Stats;
        output.WriteLine($"{referrals} referrals through 25 throttled calls in {elapsed.TotalSeconds:0.0} s; {stats.GraphRequests} Graph requests");
        Assert.Equal(25, stats.Throttled);
        Assert.Equal(referrals, (await local.CasesAsync()).Select(c => c.CaseCode).Distinct().Count());
        Assert.Equal(referrals, (await local.Sandbox.SentAsync(local.Mailbox)).Count);
        Assert.Equal(0, stats.ConcurrencyRejections);
        Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"Retry-After was honoured (took {elapsed.TotalSeconds:0.0} s)");
    }

    [Fact]
    public async Task An_out_of_office_reply_opens_nothing()
    {
        await using var local = await LocalIntake.StartAsync();

        await local.DeliverAsync(TestMail.Plain(
            "Automatic reply: Serious child safeguarding case notification",
            "I am out of the office until Monday. Referral queries to the duty team.",
            headers: [("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")]));
        await local.DeliverAsync(TestMail.Plain("Out of Office: referral", "Away until 1 December."));
        await local.SettledAsync(2);

        Assert.Empty(await local.CasesAsync());
        Assert.Empty(await local.Sandbox.SentAsync(local.Mailbox));
        Assert.Empty(await local.ForReviewAsync());
        Assert.All(await local.LedgerAsync(), e => Assert.Contains("automatic reply", e.Outcome, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_referral_with_a_damaged_form_is_refused_with_a_reason_and_shown_to_business_managers()
    {
        await using var local = await LocalIntake.StartAsync();
        var form = GmFormBuilder.Filled().Build();

        await local.DeliverAsync(TestMail.Referral(form[..(form.Length / 2)]));
        await local.SettledAsync(1);

        Assert.Empty(await local.CasesAsync());
        var shown = Assert.Single(await local.ForReviewAsync());
        Assert.Contains("damaged", shown.Reason, StringComparison.Ordinal);
        Assert.StartsWith("https://outlook.office365.com/owa/", shown.WebLink, StringComparison.Ordinal);
        Assert.Equal(TestMail.Referrer, shown.From);
    }

    [Fact]
    public async Task A_referral_form_over_the_size_limit_is_refused_by_its_size_without_being_downloaded()
    {
        await using var local = await LocalIntake.StartAsync(configure: s => s["Intake:MaxAttachmentBytes"] = "50000");
        var form = GmFormBuilder.Filled().Build();
        var padded = new byte[60_000];
        form.CopyTo(padded, 0);

        await local.DeliverAsync(TestMail.Referral(padded));
        await local.SettledAsync(1);

        Assert.Empty(await local.CasesAsync());
        Assert.Contains("files over", Assert.Single(await local.ForReviewAsync()).Reason, StringComparison.Ordinal);
        Assert.Equal(0, local.Sandbox.State.Stats.AttachmentContentServed);
    }

    [Fact]
    public async Task A_plain_text_referral_opens_a_case_and_flags_what_it_does_not_say()
    {
        await using var local = await LocalIntake.StartAsync();

        await local.DeliverAsync(TestMail.Plain(
            "Referral",
            "Referrer Name: Pat Example\nReferrer Organisation: Example Primary School\nDate of Incident: 18/11/2026\nNature of Incident: Serious harm\nCase factors: Neglect, Domestic abuse\n"));
        await local.SettledAsync(1);

        var code = Assert.Single(await local.CasesAsync()).CaseCode;
        using var referral = JsonDocument.Parse((await local.CaseEventsAsync(code)).Single(e => e.Type == IntakeEventTypes.ReferralReceived).Data);
        var details = referral.RootElement.GetProperty("intake").GetProperty("details");
        Assert.StartsWith("e-mail text", details.GetProperty("source").GetString(), StringComparison.Ordinal);
        var flagged = details.GetProperty("flaggedFields").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("Child's Name", flagged);
        Assert.DoesNotContain("Referrer Name", flagged);
    }

    [Fact]
    public async Task Other_mail_is_shown_to_business_managers_with_a_link_and_the_mail_command_lists_it()
    {
        await using var local = await LocalIntake.StartAsync();

        await local.DeliverAsync(TestMail.Plain("Training dates", "Dates for next term's training."));
        await local.SettledAsync(1);

        var shown = Assert.Single(await local.ForReviewAsync());
        Assert.NotNull(shown.WebLink);
        var command = local.Services.GetServices<TeamsReviewBot.Commands.IChatCommand>().Single(c => c.Name == "mail");
        var reply = await command.ExecuteAsync(new TeamsReviewBot.Commands.CommandRequest(string.Empty, new("u", null, "BM", null), "c", "personal"), CancellationToken.None);
        Assert.Contains("[Open in Outlook](" + shown.WebLink + ")", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Training dates", reply.Text, StringComparison.Ordinal);
        var alert = Assert.Single(local.Alerts);
        Assert.Contains(TestMail.Referrer, alert, StringComparison.Ordinal);
        Assert.Contains(shown.WebLink!, alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Training dates", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backlog_found_by_delta_is_caught_up_with_at_most_two_Graph_requests_per_message()
    {
        const int backlog = 300;
        await using var local = await LocalIntake.StartAsync(deltaSyncInterval: TimeSpan.FromSeconds(1));
        await local.Sandbox.FaultsAsync(new { dropNotifications = backlog });
        var before = local.Sandbox.State.Stats.GraphRequests;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var i = 0; i < backlog; i++)
        {
            await local.DeliverAsync(TestMail.Plain($"Newsletter {i}", "Not a referral."));
        }

        await local.SettledAsync(backlog, TimeSpan.FromMinutes(3));

        var requests = local.Sandbox.State.Stats.GraphRequests - before;
        Assert.Equal(backlog, (await local.LedgerAsync()).Count);
        Assert.Equal(backlog, (await local.ForReviewAsync()).Count);
        output.WriteLine($"{requests} Graph requests for {backlog} messages in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(requests <= 2 * backlog, $"{requests} Graph requests for {backlog} messages");
    }
}
