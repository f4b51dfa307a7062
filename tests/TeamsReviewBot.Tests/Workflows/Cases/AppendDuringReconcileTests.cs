using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// A referral email's acknowledgement is recorded while the case's first follow-up is still setting
/// its timers (as happens under a backlog): the follow-up's later looks, owed by that append and the
/// panel thread's, know the timers from its own write and read none, and the case is set up in full.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AppendDuringReconcileTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_acknowledgement_recorded_while_the_first_follow_up_sets_the_timers_leaves_no_timer_read_to_the_next_look()
    {
        var storage = new ReconcileHeldForAcknowledgement();
        var options = new TableClientOptions();
        options.AddPolicy(storage, HttpPipelinePosition.PerRetry);
        await using var bot = await PanelBot.StartAsync(
            azurite,
            "oldham",
            StatutoryPanel,
            new Dictionary<string, string?>
            {
                ["CaseFollowUps:RunBeforeReply"] = "false",
                ["Timers:PollInterval"] = "01:00:00",
                ["Intake:Partnership"] = "oldham",
                ["Graph:DeltaSyncInterval"] = "1.00:00:00",
            },
            services: s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)));

        // Intake's own pass must not take the message first: this test takes it in itself.
        await bot.FirstDeltaPassDoneAsync();
        var id = await bot.Graph.DeliverForIdAsync(PanelBot.Mailbox, TestMail.Referral(GmFormBuilder.Filled().Build()));

        // The first follow-up's timers wait until the acknowledgement is recorded, which waits until
        // they are on their way: the acknowledgement lands while the reconcile is under way.
        storage.Arm();
        var outcome = await bot.Services.GetRequiredService<MailIntakeProcessor>().ProcessAsync(id, CancellationToken.None);
        Assert.Contains("referrer acknowledged", outcome, StringComparison.Ordinal);
        Assert.True(storage.AcknowledgementWaitedForTheTimers);
        storage.LetTimersGo();
        await bot.FollowUpsDoneAsync();

        Assert.Equal(0, storage.TimerReads);
        var code = (await bot.Services.GetRequiredService<IntakeLedger>().ListAsync(PanelBot.Mailbox)).Single().CaseCode!;
        var opened = await bot.CaseAsync(code);
        Assert.True(opened.ReferrerAcknowledged);
        Assert.NotNull(opened.Thread);
        Assert.Single(bot.Teams.Calls, c => c.Path == "/v3/conversations" && c.Body?.ToJsonString().Contains(code, StringComparison.Ordinal) == true);

        // Set up as a fresh reconcile would leave it: the decision window and every decision reminder.
        var timers = bot.Services.GetRequiredService<DurableTimerStore>();
        Assert.NotNull(await timers.FindAsync(code, DecisionWindowPoint.TimerId(code)));
        var service = bot.Services.GetRequiredService<CaseService>();
        var reminders = service.PlanReminders(service.Playbooks.Get(opened.Partnership), opened, bot.Clock.GetUtcNow()).Where(p => p.Deadline == "decision").Select(p => p.Id).ToList();
        Assert.NotEmpty(reminders);
        foreach (var reminder in reminders)
        {
            Assert.NotNull(await timers.FindAsync(code, reminder));
        }

        Assert.Null(await bot.Services.GetRequiredService<CaseFollowUpRows>().FindAsync(code));

        // The note the follow-up left stands for the case as it now is: a reconcile by an instance
        // that remembers nothing reads the timers and finds nothing to change.
        var left = await timers.ReadAsync(code);
        await bot.RestartAsync();
        await bot.Services.GetRequiredService<CaseService>().ReconcileAsync(code, null, null, CancellationToken.None);
        Assert.Equal(left.Note!.ETag, (await timers.ReadAsync(code)).Note!.ETag);
    }

    /// <summary>Holds the first batch of timers written once armed until the test lets it go, holds the
    /// referrer's acknowledgement until that batch is on its way, and counts reads of a case's timers.</summary>
    private sealed class ReconcileHeldForAcknowledgement : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _timersOnTheirWay = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _timersGo = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private int _timerReads;

        public int TimerReads => Volatile.Read(ref _timerReads);

        public bool AcknowledgementWaitedForTheTimers { get; private set; }

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void LetTimersGo() => _timersGo.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await WaitAsync(message);
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            WaitAsync(message).GetAwaiter().GetResult();
            ProcessNext(message, pipeline);
        }

        private async Task WaitAsync(HttpMessage message)
        {
            if (Volatile.Read(ref _armed) == 0)
            {
                return;
            }

            // A read of the case's own timer partition (the pump's look at the due index is not one).
            var path = message.Request.Uri.Path;
            if (message.Request.Method == RequestMethod.Get && path.Contains("Timers", StringComparison.Ordinal)
                && Uri.UnescapeDataString(message.Request.Uri.Query).Contains("PartitionKey eq 'RR-", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _timerReads);
                return;
            }

            if (!path.EndsWith("$batch", StringComparison.Ordinal))
            {
                return;
            }

            var body = Body(message);
            if (body.Contains("Timers", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 2) == 1)
            {
                _timersOnTheirWay.TrySetResult();
                await _timersGo.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
            else if (body.Contains(IntakeEventTypes.ReferrerAcknowledged, StringComparison.Ordinal))
            {
                await _timersOnTheirWay.Task.WaitAsync(TimeSpan.FromSeconds(60));
                AcknowledgementWaitedForTheTimers = true;
            }
        }

        private static string Body(HttpMessage message)
        {
            using var body = new MemoryStream();
            message.Request.Content?.WriteTo(body, CancellationToken.None);
            return Encoding.UTF8.GetString(body.ToArray());
        }
    }
}
