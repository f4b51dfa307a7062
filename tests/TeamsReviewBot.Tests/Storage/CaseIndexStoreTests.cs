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

    private static CaseIndexEntry Entry(string stage, long version) =>
        new("RR-OLD-2026-0007", "oldham", stage, Opened.AddDays(1), "Threshold decision", Opened, version);
}
