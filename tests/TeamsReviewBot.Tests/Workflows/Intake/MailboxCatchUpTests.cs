using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Workflows.Intake;

/// <summary>
/// Referrals that waited in the inbox while the bot was stopped: the first delta pass carries them in
/// pages with everything intake reads, so each costs Graph only its form's bytes and its
/// acknowledgement, and Graph asking the bot to slow down loses and doubles nothing.
/// </summary>
public sealed class MailboxCatchUpTests
{
    private const int Waiting = 60;

    [Fact]
    public async Task Referrals_waiting_at_start_up_each_open_one_case_with_at_most_two_Graph_requests_each_while_Graph_throttles()
    {
        await using var local = await LocalIntake.StartAsync(beforeBotStarts: async (sandbox, mailbox) =>
        {
            for (var i = 0; i < Waiting; i++)
            {
                await sandbox.DeliverAsync(mailbox, TestMail.Referral(GmFormBuilder.Filled().Build()));
            }

            // Every 12th Graph call is answered 429 with Retry-After, all through the catch-up.
            await sandbox.FaultsAsync(new { throttleEvery = 12, retryAfterSeconds = 1 });
        });

        // Generous for a shared, loaded machine: on a quiet one this takes a few seconds.
        await local.SettledAsync(Waiting, TimeSpan.FromSeconds(300));

        // Every referral opened exactly one case, and its referrer got exactly one acknowledgement.
        var ledger = await local.LedgerAsync();
        Assert.Equal(Waiting, ledger.Count);
        Assert.All(ledger, e => Assert.NotNull(e.CaseCode));
        var cases = await local.CasesAsync();
        Assert.Equal(Waiting, cases.Count);
        Assert.Equal(ledger.Select(e => e.CaseCode!).Order(StringComparer.Ordinal), cases.Select(c => c.CaseCode).Order(StringComparer.Ordinal));
        var sent = await local.Sandbox.SentAsync(local.Mailbox);
        Assert.Equal(Waiting, sent.Count);
        foreach (var entry in cases)
        {
            var acknowledgement = Assert.Single(sent, m => m.GetProperty("subject").GetString()!.EndsWith(entry.CaseCode, StringComparison.Ordinal));
            Assert.Equal(MessageIds.For(local.Mailbox, "acknowledgement:" + entry.CaseCode), acknowledgement.GetProperty("internetMessageId").GetString());
        }

        Assert.Empty(local.Alerts);

        // Graph did throttle, and was listened to.
        var stats = local.Sandbox.State.Stats;
        Assert.True(stats.Throttled >= 5, $"only {stats.Throttled} calls were throttled");

        // Per message: the form's bytes and the acknowledgement; the delta pages and the subscription
        // are shared by all of them (a page per 50 messages).
        var served = stats.ServedByKind;
        var shared = served.GetValueOrDefault("delta") + served.GetValueOrDefault("subscriptions");
        var perMessage = served.Values.Sum() - shared;
        Assert.True(perMessage <= 2 * Waiting, $"{perMessage} Graph requests for {Waiting} messages besides delta and subscriptions: {string.Join(", ", served.Select(kv => $"{kv.Key} {kv.Value}"))}");
        Assert.Equal(0, served.GetValueOrDefault("messages"));
        Assert.InRange(served.GetValueOrDefault("delta"), 2, 4);
        Assert.Equal(IntakeStatus.Done, Assert.Single(ledger.Select(e => e.Status).Distinct()));
    }
}
