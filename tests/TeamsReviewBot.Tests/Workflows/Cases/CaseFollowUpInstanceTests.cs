using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Outbound;
using TeamsReviewBot.Workflows.ThresholdDecision;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// Two instances of the bot over the same tables (a scaled-out deployment, or the overlap of a slot
/// swap): a case's follow-up is run by one of them at a time, so the business managers are told of a
/// decision once, and a follow-up whose instance died is taken over once its claim runs out.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseFollowUpInstanceTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> Deployed = new() { ["CaseFollowUps:RunBeforeReply"] = "false" };

    [Fact]
    public async Task While_one_instance_posts_a_decision_s_notice_another_instance_s_sweep_leaves_the_case_to_it_and_the_managers_are_told_once()
    {
        var chat = new ManagersChat();
        await using var first = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, Deployed, services: As("instance-a", chat));
        var code = await first.ReferAsync(Bea);
        await first.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await first.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");

        // The deciding vote's follow-up runs on the first instance, and is held inside its post of the managers' notice.
        first.AwaitFollowUps = false;
        var decided = await first.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        await chat.HeldPostStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // A second instance starts (its start-up sweep runs) and sweeps again: the row is owed, and not its to run.
        await using var second = first.StartSecondInstance(As("instance-b", chat));
        var secondWorker = second.Services.GetRequiredService<CaseFollowUpWorker>();
        await secondWorker.SweepAsync(CancellationToken.None);
        await second.Services.GetRequiredService<PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, chat.Posts);

        chat.ReleaseHeldPost.SetResult();
        first.AwaitFollowUps = true;
        await first.FollowUpsDoneAsync();
        var rows = first.Services.GetRequiredService<CaseFollowUpRows>();
        Assert.Null(await rows.FindAsync(code));

        Assert.Equal(1, chat.Posts);
        Assert.Single(chat.Sentences, s => s.Contains(code, StringComparison.Ordinal));
        Assert.Single(await first.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified), n => n.NotificationId.StartsWith(DecisionFollowUp.DecisionNotice, StringComparison.Ordinal));
        Assert.Single(await first.Graph.SentAsync(PanelBot.Mailbox));
    }

    [Fact]
    public async Task A_click_on_another_instance_while_the_notice_is_on_its_way_leaves_the_follow_up_with_the_instance_running_it_and_the_managers_are_told_once()
    {
        var chat = new ManagersChat();
        await using var first = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, Deployed, services: As("instance-a", chat));
        var code = await first.ReferAsync(Bea);
        await first.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await first.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        first.AwaitFollowUps = false;
        await first.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        await chat.HeldPostStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Meanwhile a panel member opens the referral on the second instance: recorded on the case,
        // it owes the case's follow-up again, written on the row the first instance is running.
        await using var second = first.StartSecondInstance(As("instance-b", chat));
        var lola = new Actor(Lola.AadObjectId, Lola.Name, Roles.PanelMember, Lola.Partner);
        var viewed = await second.Services.GetRequiredService<CaseService>().DecideAsync(code, (state, now) => DecisionRules.ViewReferral(state, lola, now), CancellationToken.None);
        Assert.NotEmpty(viewed.Appended);
        await second.Services.GetRequiredService<PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, chat.Posts);
        var rows = first.Services.GetRequiredService<CaseFollowUpRows>();
        Assert.Equal("instance-a", (await rows.FindAsync(code))!.ClaimedBy);

        chat.ReleaseHeldPost.SetResult();
        first.AwaitFollowUps = true;
        await first.FollowUpsDoneAsync();
        await LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");

        Assert.Equal(1, chat.Posts);
        Assert.Single(await first.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified), n => n.NotificationId.StartsWith(DecisionFollowUp.DecisionNotice, StringComparison.Ordinal));
        Assert.Single(await first.Graph.SentAsync(PanelBot.Mailbox));
    }

    [Fact]
    public async Task A_click_on_the_instance_whose_run_failed_while_another_instance_took_the_follow_up_over_leaves_it_to_that_instance()
    {
        // Teams refuses the first instance's notice (its run, and the run its letter's record queued
        // again right after): the run fails after the referrer's letter, and the row stays owed, claimed by it.
        var chat = new ManagersChat { RefuseFirst = 2, HoldPost = 3 };
        await using var first = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, Deployed, services: As("instance-a", chat));
        var code = await first.ReferAsync(Bea);
        await first.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await first.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await first.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        var rows = first.Services.GetRequiredService<CaseFollowUpRows>();
        var left = await rows.FindAsync(code);
        Assert.Equal("instance-a", left!.ClaimedBy);
        Assert.Single(await first.Graph.SentAsync(PanelBot.Mailbox));

        // Once that claim has run out, a second instance takes the row over (a claim alone: the case's
        // stream, and so the first instance's view of it, stays as it was) and is held inside its notice.
        await using var second = first.StartSecondInstance(As("instance-b", chat));
        first.Clock.JumpTo(left.ClaimedUntil.AddSeconds(1));
        Assert.Equal(1, await second.Services.GetRequiredService<CaseFollowUpWorker>().SweepAsync(CancellationToken.None));
        await chat.HeldPostStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // A panel member opens the referral on the first instance meanwhile: its append keeps the second's claim, and its follow-up leaves the case.
        var lola = new Actor(Lola.AadObjectId, Lola.Name, Roles.PanelMember, Lola.Partner);
        Assert.NotEmpty((await first.Services.GetRequiredService<CaseService>().DecideAsync(code, (state, now) => DecisionRules.ViewReferral(state, lola, now), CancellationToken.None)).Appended);
        await first.FollowUpsDoneAsync();
        Assert.Equal(1, chat.Posts);
        Assert.Equal("instance-b", (await rows.FindAsync(code))!.ClaimedBy);

        chat.ReleaseHeldPost.SetResult();
        await second.Services.GetRequiredService<PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");

        Assert.Equal(1, chat.Posts);
        Assert.Single(await first.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified), n => n.NotificationId.StartsWith(DecisionFollowUp.DecisionNotice, StringComparison.Ordinal));
        Assert.Single(await first.Graph.SentAsync(PanelBot.Mailbox));
    }

    [Fact]
    public async Task A_decision_s_follow_up_whose_instance_died_is_taken_over_once_its_claim_runs_out_and_the_managers_are_told_once()
    {
        var chat = new ManagersChat { HoldPost = 0 };

        // An instance whose background work never runs: it answers the deciding vote and dies before following it up.
        await using var bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, Deployed, services: s =>
        {
            BackgroundLoops.TakeOut(s);
            As("instance-a", chat)(s);
        });
        bot.AwaitFollowUps = false;
        var code = await bot.ReferAsync(Bea);
        await bot.Services.GetRequiredService<CaseFollowUpWorker>().FollowUpAsync(code, CancellationToken.None);
        await bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        var written = await bot.Services.GetRequiredService<CaseFollowUpRows>().FindAsync(code);
        Assert.Equal("instance-a", written!.ClaimedBy);

        // Another instance takes its place. While the dead instance's claim still holds, the row is left.
        await bot.RestartAsync(As("instance-b", chat));
        bot.AwaitFollowUps = true;
        var worker = bot.Services.GetRequiredService<CaseFollowUpWorker>();
        var rows = bot.Services.GetRequiredService<CaseFollowUpRows>();
        Assert.Equal(0, await worker.SweepAsync(CancellationToken.None));
        Assert.Equal(written.ClaimedUntil, worker.NextLookAt);
        await worker.FollowUpAsync(code, CancellationToken.None);
        Assert.Equal(0, chat.Posts);
        Assert.Empty(await bot.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified));
        Assert.Equal("instance-a", (await rows.FindAsync(code))!.ClaimedBy);

        // Once the claim has run out, the next look takes the row and carries the follow-up out, once.
        bot.Clock.JumpTo(written.ClaimedUntil.AddSeconds(1));
        Assert.Equal(1, await worker.SweepAsync(CancellationToken.None));
        await bot.FollowUpsDoneAsync();
        Assert.Equal(0, await worker.SweepAsync(CancellationToken.None));
        await bot.FollowUpsDoneAsync();

        Assert.Null(await rows.FindAsync(code));
        Assert.Equal(1, chat.Posts);
        Assert.Single(await bot.EventsAsync<BusinessManagersNotified>(code, CaseEventTypes.BusinessManagersNotified), n => n.NotificationId.StartsWith(DecisionFollowUp.DecisionNotice, StringComparison.Ordinal));
        Assert.Single(await bot.Graph.SentAsync(PanelBot.Mailbox));
    }

    private static Action<IServiceCollection> As(string instance, ManagersChat chat) => services =>
    {
        services.AddSingleton(new InstanceIdentity(instance));
        services.AddSingleton<IBusinessManagerAlerts>(chat);
    };

    /// <summary>
    /// The business managers' chat as both instances reach it: counts every decision notice it
    /// delivers; refuses the first <see cref="RefuseFirst"/> (as Teams may), and holds the
    /// <see cref="HoldPost"/>th until the test lets it go (as a slow post would be), so the other
    /// instance can act while it is on its way.
    /// </summary>
    private sealed class ManagersChat : IBusinessManagerAlerts
    {
        private readonly ConcurrentQueue<string> _sentences = new();
        private int _attempts;
        private int _posts;

        /// <summary>How many decision notices are refused before any goes through.</summary>
        public int RefuseFirst { get; init; }

        /// <summary>Which decision notice is held (0: none).</summary>
        public int HoldPost { get; init; } = 1;

        public TaskCompletionSource HeldPostStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseHeldPost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>How many decision notices were delivered.</summary>
        public int Posts => Volatile.Read(ref _posts);

        public IReadOnlyList<string> Sentences => [.. _sentences];

        public async Task<int> AlertAsync(string sentence, CancellationToken cancellationToken)
        {
            if (!sentence.Contains("the threshold decision is", StringComparison.Ordinal))
            {
                return 1;
            }

            var attempt = Interlocked.Increment(ref _attempts);
            if (attempt <= RefuseFirst)
            {
                throw new InvalidOperationException("Teams refused the post.");
            }

            _sentences.Enqueue(sentence);
            Interlocked.Increment(ref _posts);
            if (attempt == HoldPost)
            {
                HeldPostStarted.SetResult();
                await ReleaseHeldPost.Task.WaitAsync(cancellationToken);
            }

            return 1;
        }

        public Task<int> AlertAsync(string sentence, JsonObject card, CancellationToken cancellationToken) => AlertAsync(sentence, cancellationToken);
    }
}
