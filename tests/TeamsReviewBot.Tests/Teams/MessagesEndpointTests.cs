using System.Net;
using System.Text;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Teams;

/// <summary>What /api/messages does with bodies that are not a usable activity.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MessagesEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _bot = new BotApplicationFactory(azurite);
        _client = _bot.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostRawAsync(string body) =>
        _client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Malformed_JSON_gets_400_with_the_reason()
    {
        var response = await PostRawAsync("{\"type\":\"message\",");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The body is not a valid activity:", (await response.BodyAsync())["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_without_a_type_gets_400()
    {
        var response = await PostRawAsync("{\"id\":\"1\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no \\\"type\\\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_acknowledged_and_ignored()
    {
        var response = await PostRawAsync("{\"type\":\"messageReaction\",\"id\":\"1\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_even_without_a_content_length()
    {
        var huge = "{\"type\":\"message\",\"text\":\"" + new string('x', 300 * 1024) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
