using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>
/// As deployed, a referral by email opens its case and puts it to the panel in one append; the
/// thread follows from the follow-up row written with it. A bot that stops between the two, with
/// the referrer's acknowledgement sent but not recorded, still ends with one case, one thread and
/// one acknowledgement once it is started again.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class EmailReferralFollowUpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_emailed_referral_whose_bot_stopped_after_opening_its_case_gets_one_thread_and_one_acknowledgement_after_the_restart()
    {
        await using var bot = await StartAsDeployedWithoutBackgroundWorkAsync();

        // The acknowledgement goes out but its answer is lost: the pass stops there, as a crash would.
        await bot.Graph.FaultsAsync(new { loseSendAnswers = 1 });
        var id = await bot.Graph.DeliverForIdAsync(PanelBot.Mailbox, TestMail.Referral(GmFormBuilder.Filled().Build()));
        await Assert.ThrowsAnyAsync<Exception>(() => bot.Services.GetRequiredService<MailIntakeProcessor>().ProcessAsync(id, CancellationToken.None));

        // Opened and put to the panel in one append; no thread yet, and the row that owes it is there.
        var entry = (await bot.Services.GetRequiredService<IntakeLedger>().ListAsync(PanelBot.Mailbox)).Single();
        var code = entry.CaseCode!;
        Assert.Equal(IntakeStatus.CaseOpened, entry.Status);
        var opened = await bot.CaseAsync(code);
        Assert.Equal(CaseStage.AwaitingDecision, opened.Stage);
        Assert.Null(opened.Thread);
        Assert.False(opened.ReferrerAcknowledged);
        Assert.Equal(opened.OpenedAt, opened.PutToPanelAt);
        Assert.DoesNotContain(bot.Teams.Calls, c => c.Path == "/v3/conversations");
        var rows = bot.Services.GetRequiredService<CaseFollowUpRows>();
        Assert.NotNull(await rows.FindAsync(code));

        // Started again as deployed: the follow-up posts the thread and intake takes the message up again.
        await bot.RestartAsync(services: _ => { });
        bot.AwaitFollowUps = true;
        var ledger = bot.Services.GetRequiredService<IntakeLedger>();
        await LocalIntake.WaitUntilAsync(async () => (await ledger.ListAsync(PanelBot.Mailbox)).Single().Status == IntakeStatus.Done, "the message done");
        await LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");
        await bot.FollowUpsDoneAsync();

        var after = await bot.CaseAsync(code);
        Assert.NotNull(after.Thread);
        Assert.True(after.ReferrerAcknowledged);
        Assert.Equal(code, Assert.Single(await bot.Services.GetRequiredService<CaseIndexStore>().ListAsync("oldham")).CaseCode);
        Assert.Single(bot.Teams.Calls, c => c.Path == "/v3/conversations" && c.Body?.ToJsonString().Contains(code, StringComparison.Ordinal) == true);
        Assert.Single(await bot.EventsAsync<PanelThreadOpened>(code, PanelEventTypes.PanelThreadOpened));
        Assert.Single(await bot.EventsAsync<PutToPanel>(code, CaseEventTypes.PutToPanel));
        Assert.Single(await bot.EventsAsync<ReferrerAcknowledged>(code, IntakeEventTypes.ReferrerAcknowledged));
        Assert.Single(await bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.Contains(code, StringComparison.Ordinal));
        Assert.NotNull(await bot.Services.GetRequiredService<DurableTimerStore>().FindAsync(code, DecisionWindowPoint.TimerId(code)));
    }

    [Fact]
    public async Task An_emailed_referral_acknowledged_before_its_first_follow_up_still_gets_its_decision_window_timer_and_thread()
    {
        await using var bot = await StartAsDeployedWithoutBackgroundWorkAsync();

        // Opened, then acknowledged, with no follow-up run between: the row owes both appends.
        var id = await bot.Graph.DeliverForIdAsync(PanelBot.Mailbox, TestMail.Referral(GmFormBuilder.Filled().Build()));
        await bot.Services.GetRequiredService<MailIntakeProcessor>().ProcessAsync(id, CancellationToken.None);
        var code = (await bot.Services.GetRequiredService<IntakeLedger>().ListAsync(PanelBot.Mailbox)).Single().CaseCode!;
        var opened = await bot.CaseAsync(code);
        Assert.True(opened.ReferrerAcknowledged);
        Assert.Null(opened.Thread);
        var timers = bot.Services.GetRequiredService<DurableTimerStore>();
        Assert.Null(await timers.FindAsync(code, DecisionWindowPoint.TimerId(code)));

        // The follow-ups run: the window the panel decides in is kept by its timer, as for any case.
        await bot.RestartAsync(services: _ => { });
        bot.AwaitFollowUps = true;
        var rows = bot.Services.GetRequiredService<CaseFollowUpRows>();
        await LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");
        await bot.FollowUpsDoneAsync();

        Assert.NotNull((await bot.CaseAsync(code)).Thread);
        var window = await timers.FindAsync(code, DecisionWindowPoint.TimerId(code));
        Assert.NotNull(window);
        Assert.Equal(code, Assert.Single(await bot.Services.GetRequiredService<CaseIndexStore>().ListAsync("oldham")).CaseCode);
    }

    [Fact]
    public async Task An_emailed_referral_opened_before_a_restart_and_acknowledged_after_it_still_gets_its_decision_window_timer()
    {
        await using var bot = await StartAsDeployedWithoutBackgroundWorkAsync();

        // Opened, and the acknowledgement's answer lost: the pass stops before recording it.
        await bot.Graph.FaultsAsync(new { loseSendAnswers = 1 });
        var id = await bot.Graph.DeliverForIdAsync(PanelBot.Mailbox, TestMail.Referral(GmFormBuilder.Filled().Build()));
        await Assert.ThrowsAnyAsync<Exception>(() => bot.Services.GetRequiredService<MailIntakeProcessor>().ProcessAsync(id, CancellationToken.None));
        var code = (await bot.Services.GetRequiredService<IntakeLedger>().ListAsync(PanelBot.Mailbox)).Single().CaseCode!;

        // A new instance records the acknowledgement before any follow-up runs: the row it writes
        // keeps what the stored one said, read with the case, that the run began with the opening.
        await bot.RestartAsync(services: BackgroundLoops.TakeOut);
        await bot.Services.GetRequiredService<MailIntakeProcessor>().ProcessAsync(id, CancellationToken.None);
        Assert.True((await bot.CaseAsync(code)).ReferrerAcknowledged);
        var timers = bot.Services.GetRequiredService<DurableTimerStore>();
        Assert.Null(await timers.FindAsync(code, DecisionWindowPoint.TimerId(code)));

        // That instance's follow-up sets the case up as a case never set up.
        await bot.Services.GetRequiredService<CaseFollowUpWorker>().FollowUpAsync(code, CancellationToken.None);

        Assert.NotNull(await timers.FindAsync(code, DecisionWindowPoint.TimerId(code)));
        Assert.NotNull((await bot.CaseAsync(code)).Thread);
        Assert.Null(await bot.Services.GetRequiredService<CaseFollowUpRows>().FindAsync(code));
        Assert.Equal(code, Assert.Single(await bot.Services.GetRequiredService<CaseIndexStore>().ListAsync("oldham")).CaseCode);
    }

    /// <summary>The bot as deployed (follow-ups after the reply), with its background loops taken out
    /// so the test decides when intake and follow-ups run.</summary>
    private async Task<PanelBot> StartAsDeployedWithoutBackgroundWorkAsync()
    {
        var bot = await PanelBot.StartAsync(
            azurite,
            "oldham",
            StatutoryPanel,
            new Dictionary<string, string?>
            {
                ["CaseFollowUps:RunBeforeReply"] = "false",
                ["Intake:Partnership"] = "oldham",
            },
            services: BackgroundLoops.TakeOut);
        bot.AwaitFollowUps = false;
        return bot;
    }
}
