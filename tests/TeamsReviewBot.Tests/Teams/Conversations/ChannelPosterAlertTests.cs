using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Conversations;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Cases;

namespace TeamsReviewBot.Tests.Teams.Conversations;

/// <summary>
/// A channel the bot was removed from is reported to the business managers once an hour, not at
/// every retry of what is owed there (a case's panel thread is tried again at each sweep).
/// </summary>
public sealed class ChannelPosterAlertTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RecordedAlerts _alerts = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private ChannelPoster _poster = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _poster = new ChannelPoster(new ConnectorClient(_http, new NoConnectorToken(), LocalServiceUrls.Policy), _alerts, _clock, NullLogger<ChannelPoster>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    private ConversationReference Panel => new(ConversationKind.Channel, _connector.ServiceUrl, TestIds.Channel, TestIds.Tenant, "bot-id", "TeamsReviewBot", TestIds.Team, "Rapid Review Panel", "Panel");

    private static JsonObject Card => new() { ["type"] = "AdaptiveCard", ["version"] = "1.5" };

    private void RefuseEveryPost() => _connector.Answer("/v3/conversations", [.. Enumerable.Repeat(new ConnectorAnswer(403, new JsonObject
    {
        ["error"] = new JsonObject { ["code"] = "BotNotInConversationRoster", ["message"] = "The bot is not part of the conversation roster." },
    }), 10)]);

    [Fact]
    public async Task Retries_within_the_hour_tell_the_business_managers_once_and_each_still_reports_its_failure()
    {
        RefuseEveryPost();

        var first = await _poster.StartThreadAsync(Panel, Card, "RR-1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await _poster.StartThreadAsync(Panel, Card, "RR-2", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(50));
        var third = await _poster.StartThreadAsync(Panel, Card, "RR-1", CancellationToken.None);

        Assert.All([first, second, third], post => Assert.Contains("BotNotInConversationRoster", post.Failure, StringComparison.Ordinal));
        var alert = Assert.Single(_alerts.Sentences);
        Assert.StartsWith("I could not post to the channel \"Panel\" in team \"Rapid Review Panel\". Teams refused the post (BotNotInConversationRoster)", alert, StringComparison.Ordinal);
        Assert.Contains("Anything waiting to be posted there is posted once I can.", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_hour_the_business_managers_are_told_again()
    {
        RefuseEveryPost();

        await _poster.StartThreadAsync(Panel, Card, "RR-1", CancellationToken.None);
        _clock.Advance(ChannelPoster.AlertAgainAfter);
        await _poster.StartThreadAsync(Panel, Card, "RR-1", CancellationToken.None);

        Assert.Equal(2, _alerts.Sentences.Count);
    }
}
