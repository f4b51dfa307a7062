using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.CrossBoundary;
using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.CrossBoundary;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.CrossBoundary;

/// <summary>
/// A GM notification form read by Oldham's intake, under a fake clock with the Graph sandbox and
/// Teams through /api/messages: a child resident in Tameside harmed in Oldham opens one case flagged
/// cross-boundary, the business managers are asked who leads, and Tameside's partnership gets one
/// notice by email (also after a restart and a retried opening), without the child's details.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CrossBoundaryReferralTests(AzuriteFixture azurite)
{
    private const string Resides = "Local Authority where child ordinarily resides";
    private const string Occurred = "Local Authority where incident occurred";
    private const string TamesideMailbox = "tscp@tameside.example.gov.uk";

    [Fact]
    public async Task A_form_resident_in_Tameside_with_the_incident_in_Oldham_opens_one_flagged_case_and_tells_Tameside_once()
    {
        await using var bot = await StartAsync(withTamesideMailbox: true);
        var form = GmFormBuilder.Filled().Set(Resides, "Tameside").Set(Occurred, "Oldham");

        var code = await OpenAsync(bot, form, "<cross@school.example>");
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddMinutes(1));

        var state = await bot.CaseAsync(code);
        Assert.True(state.IsCrossBoundary);
        Assert.Equal(("Tameside", "Oldham"), (state.ResidenceAuthority, state.IncidentAuthority));
        var mail = await bot.WaitForSentMailAsync(CrossBoundaryNotice.Subject(code));
        Assert.Equal(TamesideMailbox, mail.GetProperty("to")[0].GetString());
        var body = mail.GetProperty("body").GetString()!;
        Assert.Contains(code, body, StringComparison.Ordinal);
        Assert.Contains("ordinarily resides: Tameside", body, StringComparison.Ordinal);
        Assert.Contains("incident occurred: Oldham", body, StringComparison.Ordinal);
        Assert.Contains(PanelBot.Mailbox, body, StringComparison.Ordinal);
        foreach (var detail in new[] { "Alex Sample", "01/02/2019", "1 Test Street" })
        {
            Assert.DoesNotContain(detail, body, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, mail.GetProperty("subject").GetString()!, StringComparison.Ordinal);
        }

        var asked = await bot.WaitForPersonalAsync(Bea, "cross-boundary");
        Assert.Contains("Which partnership leads", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Sample", asked, StringComparison.Ordinal);

        // A restart, and intake retrying the same referral, neither opens a second case nor sends again.
        await bot.RestartAsync();
        await OpenAsync(bot, form, "<cross@school.example>", code);
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddMinutes(5));
        Assert.Single(await bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString() == CrossBoundaryNotice.Subject(code));
        var stream = await bot.StreamAsync(code);
        Assert.Equal(1, stream.Count(e => e.Type == CaseEventTypes.CaseOpened));
        Assert.Equal(1, stream.Count(e => e.Type == CaseEventTypes.CrossBoundaryNoticeSent));

        // The business manager answers once; a different answer later is refused.
        await bot.PersonalInstallAsync(Bea);
        await bot.SayAsync(Bea, $"lead {code} Tameside");
        await bot.WaitForPersonalAsync(Bea, "Tameside's partnership leads the review");
        await bot.SayAsync(Bea, $"lead {code} Oldham");
        await bot.WaitForPersonalAsync(Bea, "already recorded that Tameside's partnership leads");
        Assert.Equal("Tameside", (await bot.CaseAsync(code)).LeadAuthority);
        Assert.Single(await bot.StreamAsync(code), e => e.Type == CaseEventTypes.CrossBoundaryLeadAgreed);

        await bot.SayAsync(Bea, $"case {code}");
        var card = await bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Bea.TeamsId, StringComparison.Ordinal) && c.Card?.ToJsonString().Contains("Cross-boundary", StringComparison.Ordinal) == true, "the case card");
        var words = PanelBot.Words(card.Card);
        Assert.Contains("child ordinarily resides in Tameside, incident occurred in Oldham; Tameside's partnership leads", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Sample", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_whose_two_authorities_are_the_same_is_not_flagged_and_tells_nobody()
    {
        await using var bot = await StartAsync(withTamesideMailbox: true);

        var code = await OpenAsync(bot, GmFormBuilder.Filled().Set(Resides, "Oldham").Set(Occurred, "Oldham"), "<same@school.example>");
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddMinutes(1));

        var state = await bot.CaseAsync(code);
        Assert.False(state.IsCrossBoundary);
        Assert.Equal(("Oldham", "Oldham"), (state.ResidenceAuthority, state.IncidentAuthority));
        Assert.DoesNotContain(await bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.Contains("cross-boundary", StringComparison.Ordinal));
        Assert.Empty(state.CrossBoundaryNotices);
    }

    [Fact]
    public async Task With_no_mailbox_for_the_other_partnership_the_business_managers_are_told_whom_to_inform()
    {
        await using var bot = await StartAsync(withTamesideMailbox: false);

        var code = await OpenAsync(bot, GmFormBuilder.Filled().Set(Resides, "Tameside").Set(Occurred, "Oldham"), "<nomailbox@school.example>");
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddMinutes(1));

        var told = await bot.WaitForPersonalAsync(Bea, "Please tell Tameside's partnership yourself");
        Assert.Contains(code, told, StringComparison.Ordinal);
        Assert.DoesNotContain(await bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.Contains("cross-boundary", StringComparison.Ordinal));
        var notice = Assert.Single((await bot.CaseAsync(code)).CrossBoundaryNotices.Values);
        Assert.True(notice.ByHand);
    }

    [Fact]
    public async Task A_cross_boundary_case_opened_just_before_the_bot_stopped_still_tells_the_other_partnership_once_after_the_restart()
    {
        // As deployed: the case's timers, the cross-boundary follow-up's among them, follow the opening
        // append from the row it wrote; the bot stops before that follow-up runs.
        await using var bot = await StartAsDeployedWithoutBackgroundWorkAsync();
        var code = await OpenAsync(bot, GmFormBuilder.Filled().Set(Resides, "Tameside").Set(Occurred, "Oldham"), "<stopped@school.example>");
        var timers = bot.Services.GetRequiredService<DurableTimerStore>();
        var rows = bot.Services.GetRequiredService<CaseFollowUpRows>();
        Assert.Null(await timers.FindAsync(code, CrossBoundaryPoint.TimerId(code)));
        Assert.NotNull(await rows.FindAsync(code));

        // Started again: the follow-up sets the timer with the case's others, and it tells Tameside once.
        await bot.RestartAsync(services: _ => { });
        bot.AwaitFollowUps = true;
        await TeamsReviewBot.Tests.Workflows.Intake.LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");
        var timer = await bot.Services.GetRequiredService<DurableTimerStore>().FindAsync(code, CrossBoundaryPoint.TimerId(code));
        Assert.Equal((await bot.CaseAsync(code)).OpenedAt, timer?.DueAt);
        Assert.NotNull(await timers.FindAsync(code, DecisionWindowPoint.TimerId(code)));
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddMinutes(1));
        await bot.WaitForSentMailAsync(CrossBoundaryNotice.Subject(code));
        await bot.FollowUpsDoneAsync();

        // Told and recorded: the case's next follow-ups set it no more.
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddMinutes(5));
        Assert.Single(await bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString() == CrossBoundaryNotice.Subject(code));
        Assert.Single(await bot.StreamAsync(code), e => e.Type == CaseEventTypes.CrossBoundaryNoticeSent);
        Assert.Null(await timers.FindAsync(code, CrossBoundaryPoint.TimerId(code)));
    }

    [Fact]
    public async Task A_cross_boundary_case_acknowledged_before_its_first_follow_up_still_tells_the_other_partnership()
    {
        // Under a backlog intake records the referrer's acknowledgement before the case's first
        // follow-up has run: that follow-up still sets the case up as one never set up.
        await using var bot = await StartAsDeployedWithoutBackgroundWorkAsync();
        var code = await OpenAsync(bot, GmFormBuilder.Filled().Set(Resides, "Tameside").Set(Occurred, "Oldham"), "<backlog@school.example>");
        await bot.Services.GetRequiredService<IReferralCaseOpener>().RecordAcknowledgementAsync(code, "<ack-backlog@example>", CancellationToken.None);
        var timers = bot.Services.GetRequiredService<DurableTimerStore>();
        Assert.Null(await timers.FindAsync(code, CrossBoundaryPoint.TimerId(code)));

        await bot.Services.GetRequiredService<CaseFollowUpWorker>().FollowUpAsync(code, CancellationToken.None);

        Assert.Equal((await bot.CaseAsync(code)).OpenedAt, (await timers.FindAsync(code, CrossBoundaryPoint.TimerId(code)))?.DueAt);
        Assert.NotNull(await timers.FindAsync(code, DecisionWindowPoint.TimerId(code)));
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddMinutes(1));
        await bot.WaitForSentMailAsync(CrossBoundaryNotice.Subject(code));
        Assert.Single(await bot.StreamAsync(code), e => e.Type == CaseEventTypes.CrossBoundaryNoticeSent);
    }

    /// <summary>As deployed (follow-ups after the reply, Tameside's mailbox known), with the background
    /// loops taken out so the test decides when the case's follow-up runs.</summary>
    private async Task<PanelBot> StartAsDeployedWithoutBackgroundWorkAsync()
    {
        var extra = new Dictionary<string, string?>
        {
            ["Timers:PollInterval"] = "01:00:00",
            ["Intake:Partnership"] = "oldham",
            ["Partnerships:Mailboxes:Tameside"] = TamesideMailbox,
            ["CaseFollowUps:RunBeforeReply"] = "false",
        };
        var bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, extra, services: BackgroundLoops.TakeOut);
        bot.AwaitFollowUps = false;
        return bot;
    }

    private async Task<PanelBot> StartAsync(bool withTamesideMailbox)
    {
        var extra = new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00", ["Intake:Partnership"] = "oldham" };
        if (withTamesideMailbox)
        {
            extra["Partnerships:Mailboxes:Tameside"] = TamesideMailbox;
        }

        var bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, extra);
        await bot.PersonalInstallAsync(Bea);
        return bot;
    }

    /// <summary>Intake's opening of a case from the form as read, under a reserved code (or the given one, as a retry does).</summary>
    private static async Task<string> OpenAsync(PanelBot bot, GmFormBuilder form, string messageId, string? code = null)
    {
        var opener = bot.Services.GetRequiredService<IReferralCaseOpener>();
        var receivedAt = bot.Clock.GetUtcNow();
        var details = ReferralFormReader.Read(form.Build()).Details;
        var intake = new ReferralIntake(PanelBot.Mailbox, messageId, "m-" + messageId, null, receivedAt, "referrer@school.example", details, []);
        code ??= await opener.ReserveCodeAsync(receivedAt, CancellationToken.None);
        await opener.OpenAsync(code, intake, CancellationToken.None);
        return code;
    }
}
