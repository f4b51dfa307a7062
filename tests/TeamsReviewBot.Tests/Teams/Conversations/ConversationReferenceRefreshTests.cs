using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Teams.Conversations;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Teams.Conversations;

/// <summary>Every message refreshes its conversation reference, but chat traffic must not cost a
/// table write per message.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ConversationReferenceRefreshTests(AzuriteFixture azurite)
{
    private static readonly ConversationReference Panel = new(
        ConversationKind.Channel, "https://smba.trafficmanager.net/teams/", "19:channel-panel@thread.tacv2", "11111111-1111-1111-1111-111111111111", "28:bot", TeamId: "19:team@thread.tacv2");

    [Fact]
    public async Task An_unchanged_reference_is_written_once_per_interval_and_a_changed_one_at_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var tables = azurite.CreateTables();
        var store = new ConversationReferenceStore(tables, clock, LocalServiceUrls.Policy);
        await store.RefreshAsync(Panel, CancellationToken.None);
        var table = await tables.GetAsync(tables.Names.Conversations);
        var firstWrite = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("Channel", ConversationReferenceStore.RowKeyOf(Panel))).Value.ETag;

        clock.Advance(TimeSpan.FromMinutes(5));
        await store.RefreshAsync(Panel, CancellationToken.None);
        var unchanged = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("Channel", ConversationReferenceStore.RowKeyOf(Panel))).Value.ETag;

        await store.RefreshAsync(Panel with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }, CancellationToken.None);
        var moved = await store.FindChannelAsync(Panel.ConversationId, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(11));
        await store.RefreshAsync(Panel with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }, CancellationToken.None);
        var refreshed = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("Channel", ConversationReferenceStore.RowKeyOf(Panel))).Value;

        Assert.Equal(firstWrite, unchanged);
        Assert.Equal("https://smba.trafficmanager.net/emea/", moved!.ServiceUrl);
        Assert.Equal(clock.GetUtcNow(), refreshed.GetDateTimeOffset("UpdatedAt"));
    }

    [Fact]
    public async Task A_reference_pointing_at_a_server_that_is_not_the_Bot_Connector_is_never_stored()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var store = new ConversationReferenceStore(azurite.CreateTables(), clock, LocalServiceUrls.Policy);
        await store.SaveAsync(Panel, CancellationToken.None);

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => store.SaveAsync(Panel with { ServiceUrl = "https://collector.attacker.example/teams/" }, CancellationToken.None));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => store.SaveAsync(Panel with { ServiceUrl = "http://smba.trafficmanager.net/teams/" }, CancellationToken.None));

        Assert.Equal(Panel.ServiceUrl, (await store.FindChannelAsync(Panel.ConversationId, CancellationToken.None))!.ServiceUrl);
    }
}
