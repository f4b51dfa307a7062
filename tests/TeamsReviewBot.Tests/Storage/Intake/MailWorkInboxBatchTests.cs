using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage.Intake;

/// <summary>Work is leased and deleted a batch at a time; a row another worker moved meanwhile is
/// neither leased twice nor lost.</summary>
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
}
