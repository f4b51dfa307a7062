using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Tests.Infrastructure;
using Stopwatch = System.Diagnostics.Stopwatch;
using Activity = TeamsReviewBot.Teams.Activity;

namespace TeamsReviewBot.Tests.Teams.Outbound;

/// <summary>The connector client against a fake Bot Connector on Kestrel that throttles and fails on request.</summary>
public sealed class ConnectorRetryHandlerTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static ConnectorClient Client(TimeSpan? baseDelay = null, int attempts = 4)
    {
        var retry = new ConnectorRetryHandler(
            Options.Create(new ConnectorRetryOptions { BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(20), MaxAttempts = attempts }),
            TimeProvider.System,
            NullLogger<ConnectorRetryHandler>.Instance)
        {
            InnerHandler = new ConversationPacingHandler(new ConversationPacer(TimeProvider.System)) { InnerHandler = new HttpClientHandler() },
        };
        return new ConnectorClient(new HttpClient(retry), new NoConnectorToken(), LocalServiceUrls.Policy);
    }

    private static Activity Hello() => new() { Type = ActivityTypes.Message, Text = "hello" };

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_the_connector_asked_for()
    {
        _connector.Answer("/v3/conversations/c1/activities", new ConnectorAnswer(429, RetryAfter: TimeSpan.FromSeconds(1)), new ConnectorAnswer(201, new System.Text.Json.Nodes.JsonObject { ["id"] = "m1" }));
        var clock = Stopwatch.StartNew();

        var sent = await Client().SendAsync(_connector.ServiceUrl, "c1", Hello(), CancellationToken.None);

        Assert.Equal("m1", sent.Id);
        var calls = _connector.CallsTo("POST", "/v3/conversations/c1/activities");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        Assert.Equal("hello", calls[1].Body!["text"]!.GetValue<string>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Other_transient_answers_are_retried_until_one_succeeds(int status)
    {
        _connector.Answer("/v3/conversations/c2/activities", new ConnectorAnswer(status), new ConnectorAnswer(status), new ConnectorAnswer(201, new System.Text.Json.Nodes.JsonObject { ["id"] = "m2" }));

        var sent = await Client().SendAsync(_connector.ServiceUrl, "c2", Hello(), CancellationToken.None);

        Assert.Equal("m2", sent.Id);
        Assert.Equal(3, _connector.CallsTo("POST", "/v3/conversations/c2/activities").Count);
    }

    [Fact]
    public async Task Back_off_grows_between_attempts_and_stops_after_the_last_one()
    {
        _connector.Answer("/v3/conversations/c3/activities", new ConnectorAnswer(502));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client(TimeSpan.FromMilliseconds(100), attempts: 4).SendAsync(_connector.ServiceUrl, "c3", Hello(), CancellationToken.None));

        Assert.Equal(502, failure.Status);
        var calls = _connector.CallsTo("POST", "/v3/conversations/c3/activities");
        Assert.Equal(4, calls.Count);
        var gaps = calls.Zip(calls.Skip(1), (a, b) => (b.At - a.At).TotalMilliseconds).ToList();
        // At least 100, 200 and 400 ms (the upper bound is the jitter test's business: a loaded
        // machine only makes gaps longer).
        Assert.True(gaps[0] >= 95 && gaps[1] >= 195 && gaps[2] >= 395, "gaps: " + string.Join(", ", gaps));
    }

    [Fact]
    public void Each_back_off_doubles_with_up_to_half_again_of_jitter()
    {
        var settings = new ConnectorRetryOptions { BaseDelay = TimeSpan.FromSeconds(1) };
        var handler = new ConnectorRetryHandler(Options.Create(settings), TimeProvider.System, NullLogger<ConnectorRetryHandler>.Instance);
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var expected = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
            var delays = Enumerable.Range(0, 500).Select(_ => handler.DelayFor(response, attempt, settings)).ToList();
            Assert.All(delays, d => Assert.InRange(d, expected, expected * 1.5));
            // Jitter spreads clients apart: the 500 draws are not all alike.
            Assert.True(delays.Distinct().Count() > 100);
        }
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ConversationNotFound")]
    public async Task A_conversation_the_bot_cannot_reach_fails_at_once_with_the_reason(int status, string code)
    {
        _connector.Answer("/v3/conversations/c4/activities", new ConnectorAnswer(status, new System.Text.Json.Nodes.JsonObject { ["error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["message"] = "x" } }));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendAsync(_connector.ServiceUrl, "c4", Hello(), CancellationToken.None));

        Assert.True(failure.IsUnreachableConversation);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Single(_connector.CallsTo("POST", "/v3/conversations/c4/activities"));
    }

    [Fact]
    public async Task Retry_After_longer_than_the_cap_is_capped()
    {
        var handler = new ConnectorRetryHandler(Options.Create(new ConnectorRetryOptions()), TimeProvider.System, NullLogger<ConnectorRetryHandler>.Instance);
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(10));

        var delay = handler.DelayFor(response, 1, new ConnectorRetryOptions());

        Assert.Equal(TimeSpan.FromSeconds(30), delay);
    }
}
