using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Digest;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>Each business manager's morning digest is claimed once a day across instances, and a claim
/// stored but whose answer was lost (the table client retries it and meets the stored row) is still
/// the claimant's, so the digest goes rather than nobody sending it.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MorningDigestLedgerTests(AzuriteFixture azurite)
{
    private const string Bea = "00000000-0000-0000-0000-0000000000b1";
    private static readonly DateOnly Day = new(2026, 12, 3);

    [Fact]
    public async Task The_first_claim_of_the_day_wins_and_every_later_one_loses()
    {
        var tables = azurite.CreateTables();
        var first = new MorningDigestLedger(tables, new FakeTimeProvider());
        var other = new MorningDigestLedger(tables, new FakeTimeProvider());

        Assert.True(await first.TryClaimAsync(Day, Bea, CancellationToken.None));
        Assert.False(await other.TryClaimAsync(Day, Bea, CancellationToken.None));
        Assert.False(await first.TryClaimAsync(Day, Bea, CancellationToken.None));
        Assert.True(await other.TryClaimAsync(Day.AddDays(1), Bea, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_stored_but_whose_answer_was_lost_is_still_the_claimants_and_no_one_else_s()
    {
        var faults = new StorageFaults();
        var prefix = AzuriteFixture.NewPrefix();
        var flaky = faults.Tables(azurite.ConnectionString, prefix);
        faults.LoseNextAnswer(m => StorageFaults.Writes(m, RequestMethod.Post, "Idempotency"));

        Assert.True(await new MorningDigestLedger(flaky, new FakeTimeProvider()).TryClaimAsync(Day, Bea, CancellationToken.None));
        Assert.Equal(1, faults.Fired);
        Assert.False(await new MorningDigestLedger(azurite.CreateTables(prefix), new FakeTimeProvider()).TryClaimAsync(Day, Bea, CancellationToken.None));
    }
}
