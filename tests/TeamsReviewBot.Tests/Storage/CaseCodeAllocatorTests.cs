using Azure.Core;
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

    [Fact]
    public async Task A_code_given_back_while_still_the_last_is_handed_out_again_so_codes_run_without_a_gap()
    {
        var tables = azurite.CreateTables();
        var one = new CaseCodeAllocator(tables);
        await one.NextAsync("RR-OLD", 2026);
        var unused = await one.NextAsync("RR-OLD", 2026);

        await one.GiveBackAsync(unused);

        Assert.Equal("RR-OLD-2026-0002", await one.NextAsync("RR-OLD", 2026));
        Assert.Equal("RR-OLD-2026-0003", await new CaseCodeAllocator(tables).NextAsync("RR-OLD", 2026));
    }

    [Fact]
    public async Task A_code_given_back_after_a_later_one_was_handed_out_stays_unused()
    {
        var tables = azurite.CreateTables();
        var one = new CaseCodeAllocator(tables);
        var other = new CaseCodeAllocator(tables);
        var unused = await one.NextAsync("RR-OLD", 2026);
        var here = await one.NextAsync("RR-OLD", 2026);
        await one.GiveBackAsync(unused);
        Assert.Equal("RR-OLD-2026-0002", here);

        // Another instance took the next number: this one's remembered counter is stale, so nothing is taken back.
        var there = await other.NextAsync("RR-OLD", 2026);
        await one.GiveBackAsync(here);

        Assert.Equal("RR-OLD-2026-0003", there);
        Assert.Equal("RR-OLD-2026-0004", await one.NextAsync("RR-OLD", 2026));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task A_counter_write_stored_but_whose_answer_was_lost_hands_out_its_number_so_codes_run_without_a_gap(string method)
    {
        var prefix = AzuriteFixture.NewPrefix();
        var faults = new StorageFaults();
        var allocator = new CaseCodeAllocator(faults.Tables(azurite.ConnectionString, prefix));
        var codes = new List<string>();
        if (method == "PUT")
        {
            codes.Add(await allocator.NextAsync("RR-OLD", 2026));
        }

        // The table client retries the lost write: the add meets the row (409), the update its own ETag change (412).
        faults.LoseNextAnswer(m => m.Request.Method == RequestMethod.Parse(method) && m.Request.Uri.Path.Contains("Counters", StringComparison.Ordinal));
        codes.Add(await allocator.NextAsync("RR-OLD", 2026));
        codes.Add(await new CaseCodeAllocator(azurite.CreateTables(prefix)).NextAsync("RR-OLD", 2026));

        Assert.Equal(1, faults.Fired);
        Assert.Equal(Enumerable.Range(1, codes.Count).Select(n => $"RR-OLD-2026-{n:D4}"), codes);
    }
}
