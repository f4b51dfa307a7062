using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class IdempotencyStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_key_is_claimed_once_however_many_callers_race_for_it()
    {
        var store = new IdempotencyStore(azurite.CreateTables(), TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.TryClaimAsync("mail", "<CAF=abc/def@mail.example>"))));

        Assert.Single(results, claimed => claimed);
        Assert.True(await store.WasClaimedAsync("mail", "<CAF=abc/def@mail.example>"));
        Assert.False(await store.WasClaimedAsync("mail", "<other@mail.example>"));
    }
}
