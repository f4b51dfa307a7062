using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Storage;

/// <summary>A table's client: made and its table created once, then shared by every storage call.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StorageTablesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_table_is_created_once_and_every_later_call_gets_the_same_client_without_a_request()
    {
        var requests = new FailingFirstPolicy(failures: 0);
        var tables = Tables(requests);
        var name = tables.Names.CaseEvents;

        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tables.GetAsync(name)));
        var created = requests.Sent;
        var later = await tables.GetAsync(name);

        Assert.Equal(1, created);
        Assert.Equal(created, requests.Sent);
        Assert.All(first, client => Assert.Same(later, client));
        await later.AddEntityAsync(new TableEntity("RR-OLD-2026-0001", "0000000000000000001") { ["Type"] = "written" });
        Assert.Equal("written", (await later.GetEntityAsync<TableEntity>("RR-OLD-2026-0001", "0000000000000000001")).Value.GetString("Type"));
    }

    [Fact]
    public async Task A_table_that_could_not_be_created_is_tried_again_by_the_next_call()
    {
        var requests = new FailingFirstPolicy(failures: 1);
        var tables = Tables(requests);
        var name = tables.Names.CaseEvents;

        await Assert.ThrowsAsync<RequestFailedException>(() => tables.GetAsync(name));
        var client = await tables.GetAsync(name);

        await client.AddEntityAsync(new TableEntity("RR-OLD-2026-0002", "0000000000000000001"));
        Assert.Same(client, await tables.GetAsync(name));
    }

    private StorageTables Tables(FailingFirstPolicy policy)
    {
        var options = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(10) } };
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return new StorageTables(new TableServiceClient(azurite.ConnectionString, options), new TableNames(AzuriteFixture.NewPrefix()));
    }

    /// <summary>Counts the requests the client sends; the first <c>failures</c> fail as if storage were down.</summary>
    private sealed class FailingFirstPolicy(int failures) : HttpPipelinePolicy
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            Interlocked.Increment(ref _sent) <= failures
                ? throw new RequestFailedException(503, "Storage is down for this test.")
                : ProcessNextAsync(message, pipeline);
    }
}
