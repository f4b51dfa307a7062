using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class CaseIndexStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_index_follows_the_stream_and_never_goes_back_to_an_older_version()
    {
        var index = new CaseIndexStore(azurite.CreateTables());
        await index.RecordAsync(Entry("AwaitingDecision", version: 1));
        await index.RecordAsync(Entry("RapidReview", version: 3));

        var older = await index.RecordAsync(Entry("AwaitingDecision", version: 2));

        Assert.False(older);
        var row = await index.FindAsync("oldham", "RR-OLD-2026-0007");
        Assert.Equal("RapidReview", row!.Stage);
        Assert.Equal(3, row.Version);
    }

    [Fact]
    public async Task A_case_is_found_by_its_code_alone_and_listed_under_its_partnership()
    {
        var index = new CaseIndexStore(azurite.CreateTables());
        await index.RecordAsync(Entry("AwaitingDecision", version: 1));
        await index.RecordAsync(Entry("AwaitingDecision", version: 1) with { CaseCode = "RR-TAM-2026-0001", Partnership = "tameside" });

        var found = await index.FindByCodeAsync("RR-TAM-2026-0001");
        var oldham = await index.ListAsync("oldham");

        Assert.Equal("tameside", found!.Partnership);
        Assert.Equal("RR-OLD-2026-0007", Assert.Single(oldham).CaseCode);
        Assert.Null(await index.FindByCodeAsync("RR-SAL-2026-0404"));
    }

    [Fact]
    public async Task Past_its_bound_the_index_forgets_the_cases_least_recently_used_and_still_writes_recent_ones_without_a_read()
    {
        var counting = new CountingPolicy();
        var index = new CaseIndexStore(Counted(counting), capacity: 20);
        for (var n = 1; n <= 20; n++)
        {
            await index.RecordAsync(Numbered(n, version: 1), likelyNew: true);
        }

        // Case 1 is worked on again, so it is no longer the least recently used; then a 21st case opens.
        Assert.Equal(1, await CallsAsync(counting, () => index.RecordAsync(Numbered(1, version: 2))));
        await index.RecordAsync(Numbered(21, version: 1), likelyNew: true);
        Assert.InRange(index.RememberedCases, 1, 20);

        // The cases used most recently are replaced on the ETag remembered: one call, no read first.
        Assert.Equal(1, await CallsAsync(counting, () => index.RecordAsync(Numbered(21, version: 2))));
        Assert.Equal(1, await CallsAsync(counting, () => index.RecordAsync(Numbered(20, version: 2))));
        Assert.Equal(1, await CallsAsync(counting, () => index.RecordAsync(Numbered(1, version: 3))));

        // Case 2, the least recently used, was forgotten: its row is read before it is replaced, and it is
        // replaced all the same.
        Assert.Equal(2, await CallsAsync(counting, () => index.RecordAsync(Numbered(2, version: 2))));
        Assert.Equal(2, (await index.FindAsync("oldham", Code(2)))!.Version);

        // However many cases open, the bound holds and the latest is remembered.
        for (var n = 22; n <= 100; n++)
        {
            await index.RecordAsync(Numbered(n, version: 1), likelyNew: true);
            Assert.InRange(index.RememberedCases, 1, 20);
        }

        Assert.Equal(1, await CallsAsync(counting, () => index.RecordAsync(Numbered(100, version: 2))));
    }

    [Fact]
    public void An_index_that_could_remember_nothing_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CaseIndexStore(azurite.CreateTables(), capacity: 0));

    private static async Task<long> CallsAsync(CountingPolicy counting, Func<Task<bool>> record)
    {
        var before = counting.Calls;
        Assert.True(await record());
        return counting.Calls - before;
    }

    private StorageTables Counted(CountingPolicy counting)
    {
        var options = new TableClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(30) } };
        options.AddPolicy(counting, HttpPipelinePosition.PerRetry);
        return new StorageTables(new TableServiceClient(azurite.ConnectionString, options), new TableNames(AzuriteFixture.NewPrefix()));
    }

    private static string Code(int n) => "RR-OLD-2026-" + n.ToString("D4", CultureInfo.InvariantCulture);

    private static CaseIndexEntry Numbered(int n, long version) =>
        new(Code(n), "oldham", "AwaitingDecision", Opened.AddDays(1), "Threshold decision", Opened, version);

    private static CaseIndexEntry Entry(string stage, long version) =>
        new("RR-OLD-2026-0007", "oldham", stage, Opened.AddDays(1), "Threshold decision", Opened, version);

    /// <summary>Counts every request the storage client sends.</summary>
    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _calls);
    }
}
