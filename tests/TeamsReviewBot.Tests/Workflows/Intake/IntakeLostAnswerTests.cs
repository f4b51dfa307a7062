using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Workflows.Intake;

/// <summary>
/// Storage under load can store a write and lose its answer; the SDK then retries it, and the retry
/// meets what the first try stored (409 on an add, 412 on a write under an ETag). Through the whole
/// intake path (Graph sandbox, real SDKs, Azurite), such a referral still opens exactly one case and
/// its referrer is acknowledged once, rather than being taken for another pass's and left.
/// </summary>
public sealed class IntakeLostAnswerTests
{
    [Fact]
    public async Task A_referral_whose_first_ledger_write_was_stored_but_its_answer_lost_opens_one_case_at_once()
    {
        var faults = new StorageFaults();
        faults.LoseNextAnswer(m => StorageFaults.Writes(m, RequestMethod.Post, "MailIntake"));
        await using var local = await LocalIntake.StartAsync(services: faults.Into(new AzuriteFixture().ConnectionString));

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));
        await local.SettledAsync(1);

        Assert.Equal(1, faults.Fired);
        var only = Assert.Single(await local.CasesAsync());
        Assert.Equal(only.CaseCode, Assert.Single(await local.LedgerAsync()).CaseCode);
        var acknowledgement = Assert.Single(await local.Sandbox.SentAsync(local.Mailbox));
        Assert.Contains(only.CaseCode, acknowledgement.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Empty(local.Alerts);
    }

    [Fact]
    public async Task A_referral_whose_case_code_write_lost_its_answer_goes_on_at_once()
    {
        var faults = new StorageFaults();
        faults.LoseNextAnswer(m => StorageFaults.Writes(m, RequestMethod.Patch, "MailIntake", holding: "CaseCode"));
        await using var local = await LocalIntake.StartAsync(services: faults.Into(new AzuriteFixture().ConnectionString));

        await local.DeliverAsync(TestMail.Referral(GmFormBuilder.Filled().Build()));

        // Well inside the two-minute lease the lost write renewed: the pass knew the write for its own.
        await local.SettledAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, faults.Fired);
        var only = Assert.Single(await local.CasesAsync());
        var entry = Assert.Single(await local.LedgerAsync());
        Assert.Equal((IntakeStatus.Done, only.CaseCode), (entry.Status, entry.CaseCode));
        Assert.Single(await local.Sandbox.SentAsync(local.Mailbox));
        Assert.Empty(local.Alerts);
    }

    [Fact]
    public async Task A_referral_held_by_a_pass_that_stopped_is_taken_up_when_that_pass_s_lease_ends()
    {
        await using var local = await LocalIntake.StartAsync();
        var referral = TestMail.Referral(GmFormBuilder.Filled().Build());
        var internetMessageId = "<" + MimeKit.MimeMessage.Load(new MemoryStream(referral)).MessageId + ">";

        // Another instance took the message in and stopped before finishing: its lease is left standing.
        var lease = TimeSpan.FromSeconds(10);
        var stopped = await local.Services.GetRequiredService<IntakeLedger>().BeginAsync(local.Mailbox, internetMessageId, "taken-by-the-stopped-instance", lease);
        Assert.NotNull(stopped.Taken);

        await local.DeliverAsync(referral);

        // While that lease stands, the message is left to its holder: nothing opened, nothing sent.
        await Task.Delay(lease / 2);
        Assert.Empty(await local.CasesAsync());
        Assert.Empty(await local.Sandbox.SentAsync(local.Mailbox));

        // The notification's work came back when the lease ended, and took the message in.
        await local.SettledAsync(1, TimeSpan.FromSeconds(60));
        var only = Assert.Single(await local.CasesAsync());
        var entry = Assert.Single(await local.LedgerAsync());
        Assert.Equal((IntakeStatus.Done, only.CaseCode), (entry.Status, entry.CaseCode));
        Assert.Single(await local.Sandbox.SentAsync(local.Mailbox));
        Assert.Empty(local.Alerts);
    }
}
