using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class CaseCodeAllocatorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Concurrent_allocations_hand_out_each_number_once_in_sequence()
    {
        var tables = azurite.CreateTables();

        var codes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => new CaseCodeAllocator(tables).NextAsync("RR-OLD", 2026))));

        Assert.Equal(
            Enumerable.Range(1, 10).Select(n => $"RR-OLD-2026-{n:D4}"),
            codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_instances_each_handing_out_codes_at_once_never_give_the_same_number()
    {
        var tables = azurite.CreateTables();
        var one = new CaseCodeAllocator(tables);
        var other = new CaseCodeAllocator(tables);

        // Each instance remembers the counter as it last wrote it; the other's writes make that stale.
        var codes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => (i % 2 == 0 ? one : other).NextAsync("RR-OLD", 2026))));

        Assert.Equal(
            Enumerable.Range(1, 30).Select(n => $"RR-OLD-2026-{n:D4}"),
            codes.Order(StringComparer.Ordinal));
        Assert.Equal("RR-OLD-2026-0031", await one.NextAsync("RR-OLD", 2026));
        Assert.Equal("RR-OLD-2026-0032", await other.NextAsync("RR-OLD", 2026));
    }

    [Fact]
    public async Task Each_partnership_and_year_counts_from_one()
    {
        var allocator = new CaseCodeAllocator(azurite.CreateTables());
        await allocator.NextAsync("RR-OLD", 2026);

        Assert.Equal("RR-TAM-2026-0001", await allocator.NextAsync("RR-TAM", 2026));
        Assert.Equal("RR-OLD-2027-0001", await allocator.NextAsync("RR-OLD", 2027));
        Assert.Equal("RR-OLD-2026-0002", await allocator.NextAsync("RR-OLD", 2026));
    }
}
