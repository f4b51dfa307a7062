using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;

namespace TeamsReviewBot.Tests.Workflows.Intake;

/// <summary>
/// The whole intake path for one test: the Graph sandbox and the bot, each on Kestrel on a local
/// port, the bot talking to the sandbox through the real Microsoft.Graph SDK and to Azurite.
/// </summary>
public sealed class LocalIntake : IAsyncDisposable
{
    public const string ClientState = "test-client-state-secret-0123456789";
    public const string Partnership = "oldham";
    public const string CodePrefix = "RR-OLD";

    private readonly TimeSpan? _deltaSyncInterval;
    private readonly Action<IDictionary<string, string?>>? _configure;
    private readonly Action<IServiceCollection>? _services;
    private BotApplicationFactory _bot;
    private RecordedAlerts _alerts;

    private LocalIntake(SandboxHost sandbox, (BotApplicationFactory Bot, RecordedAlerts Alerts) bot, string mailbox, string prefix, TimeSpan? deltaSyncInterval, Action<IDictionary<string, string?>>? configure, Action<IServiceCollection>? services)
    {
        _services = services;
        Sandbox = sandbox;
        (_bot, _alerts) = bot;
        Mailbox = mailbox;
        Prefix = prefix;
        _deltaSyncInterval = deltaSyncInterval;
        _configure = configure;
    }

    public SandboxHost Sandbox { get; }

    public string Mailbox { get; }

    public string Prefix { get; }

    public IServiceProvider Services => _bot.Services;

    /// <summary>What business managers were told in Teams (Teams itself is not part of these tests).</summary>
    public IReadOnlyList<string> Alerts => _alerts.Sentences;

    /// <summary>Every warning and error the bot logged, as an operator would read them.</summary>
    public TeamsReviewBot.Tests.Infrastructure.CapturedLogs Logs => _bot.Logs;

    public HttpClient BotClient { get; private set; } = null!;

    /// <param name="beforeBotStarts">Runs against the sandbox and mailbox before the bot starts (e.g. to
    /// leave mail waiting in the inbox, as after a deployment or an outage).</param>
    /// <param name="services">Replaces some of the bot's services (storage misbehaving, say).</param>
    public static async Task<LocalIntake> StartAsync(TimeSpan? deltaSyncInterval = null, Action<IDictionary<string, string?>>? configure = null, Func<SandboxHost, string, Task>? beforeBotStarts = null, Action<IServiceCollection>? services = null)
    {
        var sandbox = await SandboxHost.StartAsync();
        var mailbox = $"referrals-{Guid.NewGuid():N}@partnership.example"[..48];
        if (beforeBotStarts is not null)
        {
            await beforeBotStarts(sandbox, mailbox);
        }

        var prefix = AzuriteFixture.NewPrefix();
        var bot = StartBot(sandbox, mailbox, prefix, deltaSyncInterval, configure, services);
        var stack = new LocalIntake(sandbox, bot, mailbox, prefix, deltaSyncInterval, configure, services) { BotClient = bot.Bot.CreateClient() };
        await WaitUntilAsync(async () => (await stack.Sync.FindAsync(mailbox)) is not null, "the subscription to be created");
        await WaitUntilAsync(async () => (await stack.Sync.GetDeltaLinkAsync(mailbox)) is not null, "the first delta pass");
        return stack;
    }

    /// <summary>Stops this instance as a crash would: whatever leases it held stay in storage exactly as
    /// its last renewal left them (a graceful stop gives them up; a killed process cannot). Returns
    /// those leases' rows.</summary>
    public async Task<IReadOnlyList<Azure.Data.Tables.TableEntity>> CrashAsync()
    {
        var table = await Services.GetRequiredService<StorageTables>().GetAsync(Services.GetRequiredService<StorageTables>().Names.MailboxSync);
        var held = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "lease"))
        {
            held.Add(row);
        }

        BotClient.Dispose();
        await _bot.DisposeAsync();
        foreach (var row in held)
        {
            var asLeft = new Azure.Data.Tables.TableEntity(row.PartitionKey, row.RowKey) { ["Owner"] = row.GetString("Owner"), ["Until"] = row.GetDateTimeOffset("Until") };
            await table.UpsertEntityAsync(asLeft, Azure.Data.Tables.TableUpdateMode.Replace);
        }

        return held;
    }

    /// <summary>Starts a new bot instance on the same mailbox, storage and sandbox (as after a
    /// deployment or a crash), on a port of its own.</summary>
    public void StartAnotherInstance()
    {
        (_bot, _alerts) = StartBot(Sandbox, Mailbox, Prefix, _deltaSyncInterval, _configure, _services);
        BotClient = _bot.CreateClient();
    }

    /// <summary>The notification URL must name the bot's port before it starts, so a free port is
    /// chosen first; another test may take it in between, and then a fresh one is tried.</summary>
    private static (BotApplicationFactory Bot, RecordedAlerts Alerts) StartBot(SandboxHost sandbox, string mailbox, string prefix, TimeSpan? deltaSyncInterval, Action<IDictionary<string, string?>>? configure, Action<IServiceCollection>? services)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = new AzuriteFixture().ConnectionString,
                ["Storage:TablePrefix"] = prefix,
                ["Graph:UseSandbox"] = "true",
                ["Graph:BaseUrl"] = sandbox.GraphBaseUrl,
                ["Graph:Mailbox"] = mailbox,
                ["Graph:NotificationUrl"] = $"http://127.0.0.1:{port}/api/notifications",
                ["Graph:LifecycleNotificationUrl"] = $"http://127.0.0.1:{port}/api/notifications/lifecycle",
                ["Graph:ClientStateSecret"] = ClientState,
                ["Graph:DeltaSyncInterval"] = (deltaSyncInterval ?? TimeSpan.FromMinutes(10)).ToString(),
                ["Graph:WorkerPollInterval"] = "00:00:00.500",
                ["Graph:BaseRetryDelay"] = "00:00:00.200",
                ["Intake:Partnership"] = Partnership,
            };
            configure?.Invoke(settings);
            var alerts = new RecordedAlerts();
            var bot = new BotApplicationFactory(settings)
            {
                Port = port,
                MinimumLogLevel = LogLevel.Warning,
                TestServices = collection =>
                {
                    collection.AddSingleton<TeamsReviewBot.Workflows.Outbound.IBusinessManagerAlerts>(alerts);
                    services?.Invoke(collection);
                },
            };
            try
            {
                bot.StartServer();
                return (bot, alerts);
            }
            catch (IOException) when (attempt < 5)
            {
                bot.Dispose();
            }
        }
    }

    public MailboxSyncStore Sync => Services.GetRequiredService<MailboxSyncStore>();

    /// <summary>The partnership's cases in the index, once this instance's case follow-ups (which
    /// write the index rows after the answer, when no request is being answered) are done.</summary>
    public async Task<IReadOnlyList<CaseIndexEntry>> CasesAsync()
    {
        await Services.GetRequiredService<TeamsReviewBot.Workflows.Cases.PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return await Services.GetRequiredService<CaseIndexStore>().ListAsync(Partnership);
    }

    public async Task<IReadOnlyList<StoredEvent>> CaseEventsAsync(string caseCode) =>
        await Services.GetRequiredService<ICaseEventStore>().ReadAsync(caseCode);

    public async Task<IReadOnlyList<MailForReview>> ForReviewAsync() =>
        await Services.GetRequiredService<MailForReviewStore>().ListAsync(Mailbox);

    public async Task<IReadOnlyList<IntakeEntry>> LedgerAsync() =>
        await Services.GetRequiredService<IntakeLedger>().ListAsync(Mailbox);

    public Task<string> DeliverAsync(byte[] rfc822) => Sandbox.DeliverAsync(Mailbox, rfc822);

    /// <summary>Waits until every message in the ledger is done and nothing is left to work on, the
    /// opened cases' index rows and timers included (they follow the reply, from the follow-up row).</summary>
    public Task SettledAsync(int expectedMessages, TimeSpan? timeout = null) => WaitUntilAsync(
        async () =>
        {
            var ledger = await LedgerAsync();
            var pending = await Services.GetRequiredService<MailWorkInbox>().CountAsync();
            return ledger.Count >= expectedMessages && ledger.All(e => e.Status == IntakeStatus.Done) && pending == 0
                && Services.GetRequiredService<TeamsReviewBot.Workflows.Cases.PendingCaseFollowUps>().Pending == 0;
        },
        $"{expectedMessages} message(s) to be taken in",
        timeout);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        BotClient.Dispose();
        await _bot.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed class RecordedAlerts : TeamsReviewBot.Workflows.Outbound.IBusinessManagerAlerts
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sentences = new();

        public IReadOnlyList<string> Sentences => [.. _sentences];

        public Task<int> AlertAsync(string sentence, CancellationToken cancellationToken)
        {
            _sentences.Enqueue(sentence);
            return Task.FromResult(1);
        }


        public Task<int> AlertAsync(string sentence, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken) => AlertAsync(sentence, cancellationToken);
    }
}
