using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage.Intake;

/// <summary>A slow intake pass whose lease ran out must not write over the pass that took the message over.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class IntakeLedgerLeaseTests(AzuriteFixture azurite)
{
    private const string Mailbox = "partnership@oldham.example";
    private const string MessageId = "<referral-1@school.example>";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_pass_whose_lease_was_taken_over_cannot_mark_the_message_done_over_the_new_holder()
    {
        var clock = new FakeTimeProvider(Now);
        var ledger = new IntakeLedger(azurite.CreateTables(), clock);
        var slow = (await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease))!;

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var takeover = await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease);
        Assert.NotNull(takeover);
        await ledger.MoveAsync(takeover, IntakeStatus.CaseOpened, "case opened RR-OLD-2026-0001");

        await Assert.ThrowsAsync<IntakeLeaseLostException>(() => ledger.MoveAsync(slow, IntakeStatus.Done, "referrer acknowledged"));
        var row = Assert.Single(await ledger.ListAsync(Mailbox));
        Assert.Equal(IntakeStatus.CaseOpened, row.Status);
        Assert.Equal("case opened RR-OLD-2026-0001", row.Outcome);
    }

    [Fact]
    public async Task A_pass_whose_lease_was_taken_over_is_stopped_before_it_sends()
    {
        var clock = new FakeTimeProvider(Now);
        var ledger = new IntakeLedger(azurite.CreateTables(), clock);
        var slow = (await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease))!;
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.NotNull(await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease));

        await Assert.ThrowsAsync<IntakeLeaseLostException>(() => ledger.RenewAsync(slow, Lease));
    }

    [Fact]
    public async Task A_renewed_lease_keeps_other_passes_out_and_its_holder_moves_on()
    {
        var clock = new FakeTimeProvider(Now);
        var ledger = new IntakeLedger(azurite.CreateTables(), clock);
        var held = (await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease))!;

        clock.Advance(Lease - TimeSpan.FromSeconds(10));
        held = await ledger.RenewAsync(held, Lease);
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease));
        var done = await ledger.MoveAsync(held, IntakeStatus.Done, "referrer acknowledged");
        Assert.Equal(IntakeStatus.Done, done.Status);
    }

    [Fact]
    public async Task Before_sending_a_pass_writes_nothing_while_most_of_its_lease_is_left_and_is_stopped_once_it_was_taken_over()
    {
        var clock = new FakeTimeProvider(Now);
        var ledger = new IntakeLedger(azurite.CreateTables(), clock);
        var held = (await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease))!;
        held = await ledger.ReserveCaseCodeAsync(held, "RR-OLD-2026-0001", Lease);

        clock.Advance(TimeSpan.FromSeconds(30));
        var unchanged = await ledger.EnsureHeldAsync(held, Lease);
        Assert.Equal(held.ETag, unchanged.ETag);

        clock.Advance(Lease);
        var takeover = await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease);
        Assert.Equal("RR-OLD-2026-0001", takeover?.CaseCode);
        await Assert.ThrowsAsync<IntakeLeaseLostException>(() => ledger.EnsureHeldAsync(held, Lease));
    }

    [Fact]
    public async Task A_pass_that_opened_the_case_and_failed_gives_the_message_back_marked_case_opened()
    {
        var clock = new FakeTimeProvider(Now);
        var ledger = new IntakeLedger(azurite.CreateTables(), clock);
        var held = (await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease))!;
        held = await ledger.ReserveCaseCodeAsync(held, "RR-OLD-2026-0002", Lease);

        await ledger.ReleaseAsync(held, "RR-OLD-2026-0002");

        var retry = await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease);
        Assert.Equal(IntakeStatus.CaseOpened, retry?.Status);
        Assert.Equal("RR-OLD-2026-0002", retry?.CaseCode);
    }

    [Theory]
    [InlineData("CaseCode")]
    [InlineData("LeaseUntil")]
    [InlineData("Done")]
    public async Task A_ledger_write_stored_but_whose_answer_was_lost_is_the_holders_own_and_the_pass_goes_on(string lost)
    {
        var clock = new FakeTimeProvider(Now);
        var faults = new StorageFaults();
        var prefix = AzuriteFixture.NewPrefix();
        var ledger = new IntakeLedger(faults.Tables(azurite.ConnectionString, prefix), clock);
        var held = (await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease))!;
        if (lost != "CaseCode")
        {
            held = await ledger.ReserveCaseCodeAsync(held, "RR-OLD-2026-0003", Lease);
        }

        // The storage client retries the lost write under the ETag it was sent with, and meets 412.
        faults.LoseNextAnswer(m => StorageFaults.Writes(m, RequestMethod.Patch, "MailIntake", holding: lost));
        clock.Advance(TimeSpan.FromSeconds(70));
        held = lost switch
        {
            "CaseCode" => await ledger.ReserveCaseCodeAsync(held, "RR-OLD-2026-0003", Lease),
            "LeaseUntil" => await ledger.EnsureHeldAsync(held, Lease),
            _ => await ledger.MoveAsync(held, IntakeStatus.Done, "referrer acknowledged"),
        };

        Assert.Equal(1, faults.Fired);
        var row = Assert.Single(await new IntakeLedger(azurite.CreateTables(prefix), clock).ListAsync(Mailbox));
        Assert.Equal((row.Status, row.CaseCode, row.ETag), (held.Status, held.CaseCode, held.ETag));
        if (lost != "Done")
        {
            // The pass still holds the message, and its next write goes through under the ETag it now has.
            Assert.Null(await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease));
            Assert.Equal(IntakeStatus.Done, (await ledger.MoveAsync(held, IntakeStatus.Done, "referrer acknowledged")).Status);
        }
    }

    [Fact]
    public async Task A_write_of_the_holder_s_that_the_row_does_not_show_is_not_taken_for_its_own()
    {
        var clock = new FakeTimeProvider(Now);
        var prefix = AzuriteFixture.NewPrefix();
        var tables = azurite.CreateTables(prefix);
        var ledger = new IntakeLedger(tables, clock);
        var held = (await ledger.TryBeginAsync(Mailbox, MessageId, "graph-id-1", Lease))!;

        // An earlier write of this pass's was stored after the pass had given up on it (its answer lost
        // and not retried): the row is changed under this holder's token, but not by the write now made.
        var table = await tables.GetAsync(tables.Names.MailIntake);
        await table.UpdateEntityAsync(new TableEntity(MailboxSyncStore.Key(Mailbox), IdempotencyStore.KeySafe(MessageId)) { ["LeaseUntil"] = Now + Lease + Lease }, Azure.ETag.All, TableUpdateMode.Merge);

        await Assert.ThrowsAsync<IntakeLeaseLostException>(() => ledger.MoveAsync(held, IntakeStatus.Done, "referrer acknowledged"));
        Assert.Equal(IntakeStatus.Received, Assert.Single(await ledger.ListAsync(Mailbox)).Status);
    }
}
