using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage.Intake;

/// <summary>Work is leased and deleted a batch at a time; a row another worker moved meanwhile is
/// neither leased twice nor lost, and a lease stored but whose answer was lost is still this worker's.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MailWorkInboxBatchTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_batch_is_leased_once_and_deleted_when_done()
    {
        var clock = new FakeTimeProvider(Now);
        var inbox = new MailWorkInbox(azurite.CreateTables(), clock);
        await inbox.EnqueueAsync([.. Enumerable.Range(0, 5).Select(i => new MailWorkItem(MailWorkKind.Message, "message-" + i, null, "delta"))]);

        var first = await inbox.ClaimAsync(32, Lease);
        var second = await inbox.ClaimAsync(32, Lease);

        Assert.Equal(5, first.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => "message-" + i).Order(), first.Select(w => w.Item.Target).Order());
        Assert.All(first, w => Assert.Equal(1, w.Attempt));
        Assert.Empty(second);
        await inbox.CompleteAsync(first);
        Assert.Equal(0, await inbox.CountAsync());
    }

    [Fact]
    public async Task After_leases_run_out_a_row_another_worker_took_is_left_to_it_and_a_batch_with_one_row_gone_is_still_deleted()
    {
        var clock = new FakeTimeProvider(Now);
        var tables = azurite.CreateTables();
        var inbox = new MailWorkInbox(tables, clock);
        await inbox.EnqueueAsync([.. Enumerable.Range(0, 4).Select(i => new MailWorkItem(MailWorkKind.Message, "message-" + i, null, "delta"))]);
        var leased = await inbox.ClaimAsync(32, Lease);

        // Leases run out; another worker takes one row just before this one asks again.
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var other = new MailWorkInbox(tables, clock);
        var taken = Assert.Single(await other.ClaimAsync(1, Lease));
        var rest = await inbox.ClaimAsync(32, Lease);

        Assert.Equal(3, rest.Count);
        Assert.DoesNotContain(rest, w => w.RowKey == taken.RowKey);
        Assert.All(rest, w => Assert.Equal(2, w.Attempt));

        await other.CompleteAsync(taken);
        await inbox.CompleteAsync([.. rest, leased.Single(w => w.RowKey == taken.RowKey)]);
        Assert.Equal(0, await inbox.CountAsync());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1)]
    public async Task A_lease_stored_but_whose_answer_was_lost_is_this_worker_s_now_not_when_it_runs_out(int waiting)
    {
        var clock = new FakeTimeProvider(Now);
        var prefix = AzuriteFixture.NewPrefix();
        var faults = new StorageFaults();
        var inbox = new MailWorkInbox(faults.Tables(azurite.ConnectionString, prefix), clock);
        await inbox.EnqueueAsync([.. Enumerable.Range(0, waiting).Select(i => new MailWorkItem(MailWorkKind.Message, "message-" + i, null, "delta"))]);

        // Several rows are leased in one transaction, one row by a single update; either way the
        // table client retries the lost write under the ETags it was sent with, and meets 412.
        faults.LoseNextAnswer(m => m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || m.Request.Method == RequestMethod.Put);
        var leased = await inbox.ClaimAsync(32, Lease);

        Assert.Equal(1, faults.Fired);
        Assert.Equal(Enumerable.Range(0, waiting).Select(i => "message-" + i).Order(), leased.Select(w => w.Item.Target).Order());
        Assert.All(leased, w => Assert.Equal(1, w.Attempt));
        Assert.Empty(await new MailWorkInbox(azurite.CreateTables(prefix), clock).ClaimAsync(32, Lease));

        // The leases hold the rows' current ETags: giving one back for later goes through.
        await inbox.RetryLaterAsync(leased[0], TimeSpan.Zero);
        Assert.Single(await inbox.ClaimAsync(32, Lease));
    }
}
