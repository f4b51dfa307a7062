using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.GraphIntegration.Client;
using TeamsReviewBot.GraphIntegration.Subscriptions;

namespace TeamsReviewBot.Tests.Graph;

/// <summary>The subscription lifecycle through the real SDK against the sandbox, which validates the
/// notification URLs, caps expirations at 4,230 minutes and forgets subscriptions on request.</summary>
public sealed class SubscriptionManagerTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _receiver = null!;
    private string _receiverUrl = null!;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private int _validations;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _delivered = new();

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(_clock);
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (Microsoft.AspNetCore.Http.HttpRequest request) =>
        {
            if (!request.Query.ContainsKey("validationToken"))
            {
                using var reader = new StreamReader(request.Body);
                _delivered.Enqueue(await reader.ReadToEndAsync());
                return Microsoft.AspNetCore.Http.Results.Accepted();
            }

            Interlocked.Increment(ref _validations);
            return Microsoft.AspNetCore.Http.Results.Text(request.Query["validationToken"].ToString(), "text/plain");
        });
        await _receiver.StartAsync();
        _receiverUrl = _receiver.Urls.First() + "/hook";
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private (SubscriptionManager Manager, InMemorySubscriptions Store, FakeTimeProvider Clock) Manager()
    {
        var clock = _clock;
        var store = new InMemorySubscriptions();
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = _sandbox.GraphBaseUrl }, TimeProvider.System);
        return (new SubscriptionManager(graph, store, clock, NullLogger<SubscriptionManager>.Instance), store, clock);
    }

    private MailboxWatch Watch(TimeSpan? lifetime = null) =>
        new("box@partnership.example", _receiverUrl, _receiverUrl + "?lifecycle=1", "client-state-secret-0123456789", lifetime ?? TimeSpan.FromDays(10));

    [Fact]
    public async Task Creating_asks_for_at_most_4200_minutes_after_both_URLs_answer_the_handshake()
    {
        var (manager, store, clock) = Manager();

        var created = await manager.EnsureAsync(Watch());

        Assert.Equal(2, _validations);
        var live = _sandbox.State.FindSubscription(created.SubscriptionId)!;
        Assert.Equal("users/box@partnership.example/mailFolders('inbox')/messages", live.Resource);
        Assert.Equal("created", live.ChangeType);
        Assert.Equal("client-state-secret-0123456789", live.ClientState);
        Assert.InRange(live.ExpirationDateTime - clock.GetUtcNow(), TimeSpan.FromMinutes(4199), TimeSpan.FromMinutes(4200));
        Assert.Equal(created, await store.FindAsync("box@partnership.example"));
    }

    [Fact]
    public async Task An_events_watch_on_the_same_mailbox_is_kept_apart_and_hears_the_calendar_changes_with_the_answers_readable()
    {
        var (manager, store, _) = Manager();
        const string box = "box@partnership.example";
        var mail = await manager.EnsureAsync(Watch());
        var events = await manager.EnsureAsync(MailboxWatch.Events(box, _receiverUrl, _receiverUrl + "?lifecycle=1", "client-state-secret-0123456789", TimeSpan.FromDays(10)));

        Assert.NotEqual(mail.SubscriptionId, events.SubscriptionId);
        Assert.Equal(events, await store.FindAsync("events:" + box));
        var live = _sandbox.State.FindSubscription(events.SubscriptionId)!;
        Assert.Equal(($"users/{box}/events", "created,updated,deleted"), (live.Resource, live.ChangeType));

        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = _sandbox.GraphBaseUrl }, TimeProvider.System);
        var meetings = new TeamsReviewBot.GraphIntegration.Calendar.OnlineMeetings(graph);
        var start = _clock.GetUtcNow().AddDays(3);
        var booked = await meetings.CreateAsync(new TeamsReviewBot.GraphIntegration.Calendar.MeetingInvite(box, "Rapid Review meeting – RR-OLD-2026-0001", "<p>Agenda</p>", start, start.AddHours(2), [new("pat@police.example", "Pat Okafor")], "rr-old-2026-0001-meeting-1"));
        using (var answered = await _sandbox.Control.PostAsync(
            new Uri($"sandbox/calendars/{box}/events/{booked.EventId}/responses", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { address = "pat@police.example", response = "declined", proposedStart = start.AddDays(1), proposedEnd = start.AddDays(1).AddHours(2) })))
        {
            answered.EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 100 && _delivered.Count < 2; i++)
        {
            await Task.Delay(50);
        }

        var notifications = _delivered.Select(body => System.Text.Json.Nodes.JsonNode.Parse(body)!["value"]![0]!).ToList();
        Assert.Equal(["created", "updated"], notifications.Select(n => n["changeType"]!.GetValue<string>()));
        Assert.All(notifications, n =>
        {
            Assert.Equal(events.SubscriptionId, n["subscriptionId"]!.GetValue<string>());
            Assert.Equal($"Users/{box}/Events/{booked.EventId}", n["resource"]!.GetValue<string>());
            Assert.Equal("#Microsoft.Graph.Event", n["resourceData"]!["@odata.type"]!.GetValue<string>());
            Assert.Equal("client-state-secret-0123456789", n["clientState"]!.GetValue<string>());
        });
        var answers = (await meetings.ReadAnswersAsync(box, booked.EventId))!;
        Assert.Equal("rr-old-2026-0001-meeting-1", answers.TransactionId);
        var pat = Assert.Single(answers.Answers);
        Assert.Equal(("Declined", _clock.GetUtcNow(), start.AddDays(1), start.AddDays(1).AddHours(2)), (pat.Response, pat.At!.Value, pat.ProposedStart!.Value, pat.ProposedEnd!.Value));
    }

    [Fact]
    public async Task Graph_refuses_an_expiry_beyond_4230_minutes()
    {
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = _sandbox.GraphBaseUrl }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => graph.Subscriptions.PostAsync(new Microsoft.Graph.Models.Subscription
        {
            ChangeType = "created",
            Resource = "users/box@partnership.example/mailFolders('inbox')/messages",
            NotificationUrl = _receiverUrl,
            ExpirationDateTime = DateTimeOffset.UtcNow.AddMinutes(4231),
        }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("4230 minutes", error.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_is_left_alone_before_half_life_and_renewed_after()
    {
        var (manager, store, clock) = Manager();
        var created = await manager.EnsureAsync(Watch());

        clock.Advance(TimeSpan.FromMinutes(2099));
        Assert.Equal(created, await manager.EnsureAsync(Watch()));

        clock.Advance(TimeSpan.FromMinutes(2));
        var renewed = await manager.EnsureAsync(Watch());

        Assert.Equal(created.SubscriptionId, renewed.SubscriptionId);
        Assert.True(renewed.ExpiresAt > created.ExpiresAt);
        Assert.Equal(renewed, await store.FindAsync("box@partnership.example"));
    }

    [Fact]
    public async Task A_subscription_Graph_no_longer_has_is_recreated_when_renewal_gets_404()
    {
        var (manager, _, clock) = Manager();
        var created = await manager.EnsureAsync(Watch());
        _sandbox.State.RemoveSubscription(created.SubscriptionId);

        clock.Advance(TimeSpan.FromMinutes(2101));
        var recreated = await manager.EnsureAsync(Watch());

        Assert.NotEqual(created.SubscriptionId, recreated.SubscriptionId);
        Assert.NotNull(_sandbox.State.FindSubscription(recreated.SubscriptionId));
    }

    [Fact]
    public async Task A_renewal_refused_with_400_is_recreated()
    {
        var (manager, _, clock) = Manager();
        var created = await manager.EnsureAsync(Watch());
        await _sandbox.FaultsAsync(new { maxExpirationMinutes = 60 });

        clock.Advance(TimeSpan.FromMinutes(2101));
        var ex = await Record.ExceptionAsync(() => manager.EnsureAsync(Watch()));

        // Recreating with 4,200 minutes is refused as well under this cap: the error reaches the caller, which retries later.
        Assert.IsType<Microsoft.Graph.Models.ODataErrors.ODataError>(ex);
        Assert.Null(_sandbox.State.FindSubscription(created.SubscriptionId));
        await _sandbox.FaultsAsync(new { maxExpirationMinutes = 4230 });
        var recreated = await manager.EnsureAsync(Watch());
        Assert.NotEqual(created.SubscriptionId, recreated.SubscriptionId);
    }

    [Fact]
    public async Task Reauthorizing_a_live_subscription_keeps_it()
    {
        var (manager, _, _) = Manager();
        var created = await manager.EnsureAsync(Watch());

        var after = await manager.ReauthorizeAsync(Watch(), created.SubscriptionId);

        Assert.Equal(created.SubscriptionId, after.SubscriptionId);
        Assert.Equal(1, _sandbox.State.FindSubscription(created.SubscriptionId)!.Reauthorizations);
    }

    [Fact]
    public async Task An_endpoint_that_fails_the_handshake_gets_no_subscription()
    {
        var (manager, store, _) = Manager();
        var watch = Watch() with { NotificationUrl = _receiverUrl.Replace("/hook", "/nowhere", StringComparison.Ordinal) };

        await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => manager.EnsureAsync(watch));

        Assert.Null(await store.FindAsync(watch.Mailbox));
        Assert.Empty(_sandbox.State.Subscriptions);
    }

    private sealed class InMemorySubscriptions : ISubscriptionStateStore
    {
        private readonly Dictionary<string, MailboxSubscription> _rows = new(StringComparer.OrdinalIgnoreCase);

        public Task<MailboxSubscription?> FindAsync(string mailbox, CancellationToken cancellationToken = default) =>
            Task.FromResult(_rows.TryGetValue(mailbox, out var s) ? s : null);

        public Task SaveAsync(MailboxSubscription subscription, CancellationToken cancellationToken = default)
        {
            _rows[subscription.Mailbox] = subscription;
            return Task.CompletedTask;
        }
    }
}
