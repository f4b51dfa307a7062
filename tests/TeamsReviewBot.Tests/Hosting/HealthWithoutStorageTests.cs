using System.Net;
using System.Text.Json.Nodes;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Hosting;

[Collection(AzuriteGroup.Name)]
public sealed class HealthWithoutStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Healthz_reports_storage_unreachable_with_503()
    {
        // Port 9 (discard) has nothing listening on loopback.
        var unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var bot = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["Storage:ConnectionString"] = unreachable });
        bot.StartServer();
        using var client = bot.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Unhealthy", body["checks"]!["storage"]!["status"]!.GetValue<string>());
        Assert.StartsWith("Table storage is not reachable", body["checks"]!["storage"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
