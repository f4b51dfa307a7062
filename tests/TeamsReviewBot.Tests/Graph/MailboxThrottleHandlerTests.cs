using System.Diagnostics;
using TeamsReviewBot.GraphIntegration.Client;

namespace TeamsReviewBot.Tests.Graph;

/// <summary>Graph etiquette through the real SDK against the sandbox, which enforces Outlook's 4-per-mailbox limit.</summary>
public sealed class MailboxThrottleHandlerTests
{
    private static Microsoft.Graph.GraphServiceClient Client(SandboxHost sandbox) =>
        GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl, BaseRetryDelay = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);

    [Fact]
    public async Task Twenty_parallel_requests_to_one_mailbox_never_exceed_four_at_a_time()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = Client(sandbox);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => graph.Users["box@partnership.example"].MailFolders["inbox"].Messages.GetAsync()));

        Assert.Equal(0, sandbox.State.Stats.ConcurrencyRejections);
        var max = System.Text.Json.JsonSerializer.SerializeToElement(sandbox.State.Stats.Describe()).GetProperty("maxConcurrentRequestsPerMailbox").GetProperty("box@partnership.example").GetInt32();
        Assert.InRange(max, 2, 4);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = Client(sandbox);
        await sandbox.FaultsAsync(new { throttleNext = 2, retryAfterSeconds = 1 });
        var clock = Stopwatch.StartNew();

        var page = await graph.Users["box@partnership.example"].MailFolders["inbox"].Messages.GetAsync();

        Assert.NotNull(page);
        Assert.Equal(2, sandbox.State.Stats.Throttled);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"waited {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_503_is_retried_too()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = Client(sandbox);
        await sandbox.FaultsAsync(new { throttleNext = 1, retryAfterSeconds = 1, throttleStatus = 503 });

        var page = await graph.Users["box@partnership.example"].MailFolders["inbox"].Messages.GetAsync();

        Assert.NotNull(page);
        Assert.Equal(1, sandbox.State.Stats.Throttled);
    }

    [Fact]
    public async Task A_storm_longer_than_the_retries_reaches_the_caller_as_429()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl, MaxRetries = 1 }, TimeProvider.System);
        await sandbox.FaultsAsync(new { throttleNext = 5, retryAfterSeconds = 0 });

        var error = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => graph.Users["box@partnership.example"].Messages.GetAsync());

        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Equal(2, sandbox.State.Stats.Throttled);
    }

    [Fact]
    public void Retry_After_is_honoured_plus_jitter_and_capped()
    {
        var connection = new GraphConnection { MaxRetryDelay = TimeSpan.FromSeconds(30) };
        using var handler = new MailboxThrottleHandler(connection, TimeProvider.System);
        using var throttled = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(4));
        using var long_ = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        long_.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5));

        var delays = Enumerable.Range(0, 50).Select(_ => handler.RetryDelay(throttled, 0)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4.8)));
        Assert.True(delays.Distinct().Count() > 1, "jitter spreads the retries");
        Assert.InRange(handler.RetryDelay(long_, 0), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(36));
    }
}
