using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
using Xunit.Abstractions;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// What opening a case costs in storage before the person or the next message is answered: the
/// business manager's refer form (until its reply) and a referral email (from taking it in the
/// ledger to the referrer's acknowledgement recorded), counted on the work's own flow (the case's
/// index and timers follow after, from the follow-up row written with the events, and are not
/// counted), with few cases stored and with 150 more.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OpeningCaseStorageCallsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // Measured: 4 for the refer form before its answer (before: 17, then 10), 9 in all with its
    // follow-up and thread (before: 14, then 10; the second look after the thread's append no longer
    // reads the timers, the people named in the card's refresh list are not looked up again, and a
    // case's first follow-up writes its timers without reading an empty partition), and 8 for a
    // referral email (before: 23, then 14, then 9, then 8; now 7: the case is put to the panel in
    // the append that opens it, and its thread is posted and recorded by the case's follow-up). The
    // acknowledgement's record may meet the thread's append on the same case: the loser reads the
    // stream and appends again, two calls more, rather than hold a message of the intake waiting
    // for Teams. "In all" counts every call
    // the instance makes meanwhile: mail intake's own passes may add one or two. The email may read
    // the list of cases with open requests once more when its 15 s cache runs out mid-test.
    private const int ReferFormBeforeAnswer = 4;
    private const int ReferFormInAll = 9;
    private const int ReferralEmail = 7;
    private const int ReferralEmailAfterACollision = ReferralEmail + 2;

    [Fact]
    public async Task Opening_a_case_costs_the_same_few_storage_calls_before_its_answer_however_many_cases_are_stored()
    {
        var counting = new FlowCalls();
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        options.AddPolicy(counting, HttpPipelinePosition.PerRetry);
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
            services: s =>
            {
                s.AddSingleton(new TableServiceClient(azurite.ConnectionString, options));
                s.AddSingleton<IStartupFilter>(new CountRequests(counting));
            });
        await bot.PersonalInstallAsync(Bea);
        await bot.FirstDeltaPassDoneAsync();

        // The first case of the year makes the code counter and the first mail the intake tables;
        // from then on a code is one write and every table is there.
        await bot.ReferAsync(Bea);
        await ReferralEmailCallsAsync(bot, counting);
        var referFew = await ReferFormCallsAsync(bot, counting);
        var emailFew = await ReferralEmailCallsAsync(bot, counting);
        Assert.DoesNotContain("RequestCaseIndex", counting.LastCalls, StringComparison.Ordinal);

        await StoreOtherCasesAsync(bot, 150);
        var referMany = await ReferFormCallsAsync(bot, counting);
        var emailMany = await ReferralEmailCallsAsync(bot, counting);

        output.WriteLine($"Storage calls before the answer: refer form {referFew.BeforeAnswer} with few cases stored, {referMany.BeforeAnswer} with 150 more; referral email {emailFew} and {emailMany}.");
        output.WriteLine($"Storage calls in all: refer form {referFew.InAll} with few cases stored, {referMany.InAll} with 150 more.");

        // The form's once-key (an insert), the case code (one write), the sealed details and the one
        // append that opens the case and puts it to the panel: nothing is read before the answer.
        Assert.Equal(ReferFormBeforeAnswer, referFew.BeforeAnswer);
        Assert.Equal(ReferFormBeforeAnswer, referMany.BeforeAnswer);
        // After it: the index row, the timers (their index, then the partition) written without a
        // read, the thread's append and the follow-up row's delete; mail intake may add its own.
        Assert.InRange(referFew.InAll, ReferFormInAll, ReferFormInAll + 2);
        Assert.InRange(referMany.InAll, ReferFormInAll, ReferFormInAll + 2);
        Assert.DoesNotContain("GET  (DurableTimerStore)", counting.LastAll, StringComparison.Ordinal);
        Assert.InRange(emailFew, ReferralEmail, ReferralEmailAfterACollision + 1);
        Assert.InRange(emailMany, ReferralEmail, ReferralEmailAfterACollision + 1);
    }

    /// <summary>The refer form's calls before its answer, and in all once its follow-up (index, timers,
    /// the panel thread recorded) is done: every call the instance makes meanwhile.</summary>
    private async Task<(long BeforeAnswer, long InAll)> ReferFormCallsAsync(PanelBot bot, FlowCalls counting)
    {
        var form = await bot.OpenReferFormAsync(Bea);
        await bot.FollowUpsDoneAsync();
        var posts = bot.Teams.Calls.Count(c => c.Path == "/v3/conversations");
        var (answer, inAll) = await counting.CountAllAsync(async () =>
        {
            var answer = await bot.SubmitReferFormAsync(Bea, form);
            await bot.FollowUpsDoneAsync();
            return answer;
        });
        var code = answer["value"]!["body"]![0]!["text"]!.GetValue<string>().Split(' ')[1];
        output.WriteLine($"refer form: {counting.Last} before the answer: {counting.LastCalls}");
        output.WriteLine($"refer form: {inAll} in all: {counting.LastAll}");

        // The thread was posted once, after the answer, and is on the case; the window is set.
        var opened = await bot.CaseAsync(code);
        Assert.Equal(CaseStage.AwaitingDecision, opened.Stage);
        Assert.NotNull(opened.Thread);
        Assert.Equal(posts + 1, bot.Teams.Calls.Count(c => c.Path == "/v3/conversations"));
        Assert.NotNull(await bot.Services.GetRequiredService<DurableTimerStore>().FindAsync(code, DecisionWindowPoint.TimerId(code)));
        Assert.Null(await bot.Services.GetRequiredService<CaseFollowUpRows>().FindAsync(code));
        return (counting.Last, inAll);
    }

    /// <summary>A referral email taken in as the intake worker takes it: ledger, case opened, thread posted, referrer acknowledged.</summary>
    private async Task<long> ReferralEmailCallsAsync(PanelBot bot, FlowCalls counting)
    {
        var internetMessageId = await bot.Graph.DeliverAsync(PanelBot.Mailbox, TestMail.Referral(GmFormBuilder.Filled().Build()));
        var inbox = await bot.Graph.InboxAsync(PanelBot.Mailbox);
        var id = inbox.Single(m => m.GetProperty("internetMessageId").GetString() == internetMessageId).GetProperty("id").GetString()!;
        var outcome = await counting.CountAsync(() => bot.Services.GetRequiredService<MailIntakeProcessor>().ProcessAsync(id, CancellationToken.None));
        output.WriteLine(outcome);
        Assert.Contains("referrer acknowledged", outcome, StringComparison.Ordinal);
        // The ledger: taken in, the code with a fresh lease, done; the list of cases with open
        // requests read at most once in a while, not for every message.
        Assert.Contains("1× POST  (IntakeLedger)", counting.LastCalls, StringComparison.Ordinal);
        Assert.Contains("2× PATCH  (IntakeLedger)", counting.LastCalls, StringComparison.Ordinal);
        // Opened and put to the panel in one append, the acknowledgement in another (a third only
        // when it met the thread's append and went again).
        Assert.Matches(@"\b[23]× POST  \(TableCaseEventStore\)", counting.LastCalls);
        var entry = (await bot.Services.GetRequiredService<IntakeLedger>().ListAsync(PanelBot.Mailbox)).Single(e => e.InternetMessageId == internetMessageId);
        Assert.Equal(IntakeStatus.Done, entry.Status);
        Assert.True((await bot.CaseAsync(entry.CaseCode!)).ReferrerAcknowledged);
        await bot.FollowUpsDoneAsync();
        var opened = await bot.CaseAsync(entry.CaseCode!);
        Assert.NotNull(opened.Thread);
        Assert.Equal(opened.OpenedAt, opened.PutToPanelAt);
        output.WriteLine($"referral email: {counting.Last}: {counting.LastCalls}");
        return counting.Last;
    }

    /// <summary>Other open cases, each with its stream, index row and timers.</summary>
    private static async Task StoreOtherCasesAsync(PanelBot bot, int count)
    {
        var cases = bot.Services.GetRequiredService<CaseService>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(10))
        {
            await Task.WhenAll(batch.Select(_ => cases.OpenAsync("oldham", CaseRules.Referral, bot.Clock.GetUtcNow().AddHours(-2), Actor.System, "Referral received.", CancellationToken.None)));
        }

        await bot.Services.GetRequiredService<PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Counts the storage calls made on one piece of work's own flow.</summary>
    private sealed class FlowCalls : HttpPipelineSynchronousPolicy
    {
        private static readonly AsyncLocal<StrongBox> Current = new();

        public long Last { get; private set; }

        /// <summary>The last piece of work's calls, as method and table (with the code that made each), for the test's output.</summary>
        public string LastCalls { get; private set; } = string.Empty;

        private StrongBox? _all;

        /// <summary>Every call the instance made during the last <see cref="CountAllAsync{T}"/>, as method and table (with the code that made each).</summary>
        public string LastAll { get; private set; } = string.Empty;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (Current.Value is { } box)
            {
                Record(box, message);
            }

            if (Volatile.Read(ref _all) is { } all)
            {
                Record(all, message);
            }
        }

        /// <summary>Every storage call the instance makes while <paramref name="work"/> runs, whatever its flow.</summary>
        public async Task<(T Result, long Calls)> CountAllAsync<T>(Func<Task<T>> work)
        {
            var all = new StrongBox();
            Volatile.Write(ref _all, all);
            try
            {
                return (await work(), Interlocked.Read(ref all.Calls));
            }
            finally
            {
                Volatile.Write(ref _all, null);
                LastAll = string.Join("; ", all.Seen);
            }
        }

        private static void Record(StrongBox box, HttpMessage message)
        {
            Interlocked.Increment(ref box.Calls);
            var table = System.Text.RegularExpressions.Regex.Match(message.Request.Uri.Path, @"/[^/]+/(?:t[0-9a-f]+)?([A-Za-z$]+)").Groups[1].Value;
            var caller = new System.Diagnostics.StackTrace().GetFrames()
                .Select(f => f.GetMethod()?.DeclaringType)
                .Select(t => t?.DeclaringType is { } outer && t.Name.StartsWith('<') ? outer : t)
                .FirstOrDefault(t => t?.Namespace?.StartsWith("TeamsReviewBot.", StringComparison.Ordinal) == true && t.Namespace?.StartsWith("TeamsReviewBot.Tests", StringComparison.Ordinal) == false
                    && t.Name != "OwnWrites"); // the shared write mechanism counts against the store that called it
            box.Seen.Enqueue($"{message.Request.Method} {table} ({caller?.Name})");
        }

        public async Task<T> CountAsync<T>(Func<Task<T>> work)
        {
            var box = new StrongBox();
            Current.Value = box;
            try
            {
                return await work();
            }
            finally
            {
                Last = Interlocked.Read(ref box.Calls);
                LastCalls = string.Join("; ", box.Seen.GroupBy(c => c).Select(g => $"{g.Count()}× {g.Key}"));
                Current.Value = null!;
            }
        }

        private sealed class StrongBox
        {
            public long Calls;

            public System.Collections.Concurrent.ConcurrentQueue<string> Seen { get; } = new();
        }
    }

    private sealed class CountRequests(FlowCalls counting) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, request) => context.Request.Path.StartsWithSegments("/api/messages") ? counting.CountAsync(async () => { await request(context); return 0; }) : request(context));
            next(app);
        };
    }
}
