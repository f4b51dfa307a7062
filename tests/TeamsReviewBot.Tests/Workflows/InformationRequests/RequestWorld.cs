using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsReviewBot.GraphIntegration.Client;
using TeamsReviewBot.GraphIntegration.Mail;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.InformationRequests;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Teams.Conversations;
using TeamsReviewBot.Teams.Outbound;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Cases;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.InformationRequests;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.ThresholdDecision;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests;

/// <summary>
/// Information requests end to end on one machine: the Graph sandbox on Kestrel reached through the
/// real Microsoft.Graph SDK, the case service and request workflow on Azurite, mail intake reading
/// each reply through Graph, and two timer pumps on a FakeTimeProvider. <see cref="RunUntilAsync"/>
/// moves the clock from one stored timer to the next, so each fires at the instant it was set for.
/// </summary>
internal sealed class RequestWorld : IAsyncDisposable
{

    private readonly StorageTables _tables;
    private readonly HttpClient _teamsHttp = new();
    private readonly ConversationReferenceStore _references;
    private readonly TimerPump[] _pumps;

    private RequestWorld(SandboxHost sandbox, StorageTables tables, AzuriteFixture azurite, DateTimeOffset start, string partnership, IReadOnlyList<AgencyContact> agencies)
    {
        Partnership = partnership;
        Sandbox = sandbox;
        _tables = tables;
        Clock = new FakeTimeProvider(start);
        Mailbox = $"oscp-{Guid.NewGuid():N}"[..16] + "@partnership.example";
        var events = new TableCaseEventStore(tables);
        var caseStore = new AggregateStore<CaseState>(events, new CaseFold(Catalogue));
        Timers = new DurableTimerStore(tables, Clock);
        var index = new CaseIndexStore(tables);
        Cases = new CaseService(caseStore, events, index, Timers, new CaseCodeAllocator(tables), Catalogue, Schedule, new ReminderPlanner(WorkingDays, new ReminderOptions()), Clock, NullLogger<CaseService>.Instance);
        Notified = new CapturingNotifier(new TeamsBusinessManagerNotifier(Cases, new RecordedAlerts(), NullLogger<TeamsBusinessManagerNotifier>.Instance));

        // Graph's own pacing and retries run on real time; the process runs on the fake clock.
        var graph = GraphClientBuilder.Create(new GraphConnection { BaseUrl = sandbox.GraphBaseUrl, UseSandbox = true }, TimeProvider.System);
        Sender = new MailSender(graph);
        Reader = new MailboxReader(graph);
        var mailboxOptions = Options.Create(new MailboxOptions { Mailbox = Mailbox });

        Directory = new AgencyDirectory(tables, new AgencyDirectoryOptions { PartnershipKey = Partnership, Seed = agencies });
        var openCases = new RequestCaseIndex(tables);
        Files = azurite.CreateReturnFiles(tables);
        var connector = new ConnectorClient(_teamsHttp, new NoConnectorToken(), LocalServiceUrls.Policy);
        _references = new ConversationReferenceStore(tables, Clock, LocalServiceUrls.Policy);
        var teams = new TeamsOutbound(
            _references,
            new ChannelPoster(connector, new RecordedAlerts(), Clock, NullLogger<ChannelPoster>.Instance),
            connector);
        var card = new ReturnCardInThread(Cases, teams, Clock, NullLogger<ReturnCardInThread>.Instance);
        Vault = new ReferralVault(new SealedDetailsStore(tables, azurite.CreatePayloads(tables), Options.Create(new PrivacyOptions { KeyEncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) })));
        Requests = new InformationRequestService(Cases, Directory, openCases, Timers, Sender, mailboxOptions, Options.Create(new RequestMailOptions()), card, Vault, Clock, NullLogger<InformationRequestService>.Instance);
        var collation = new ChronologyCollation(Cases, Files, NullLogger<ChronologyCollation>.Instance);
        Progress = new RequestProgress(Cases, collation, openCases, Notified, card, [], Clock);
        var replies = new InformationRequestReplies(new ReplyIntake(Cases, openCases, Files, NullLogger<ReplyIntake>.Instance), Progress);
        Review = new MailForReviewStore(tables);
        var intakeOptions = Options.Create(new IntakeOptions { Partnership = Partnership });
        Intake = new MailIntakeProcessor(
            Reader,
            Sender,
            new IntakeLedger(tables, Clock),
            Review,
            new MailClassifier(new IntakeOptionsSnapshot(["Mailbox.NationalReviewPanel@education.gov.uk"])),
            replies,
            new ProcessReferralCaseOpener(
                Cases,
                new IntakePartnership(intakeOptions, mailboxOptions, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), Catalogue),
                Vault),
            Alerts,
            mailboxOptions,
            intakeOptions,
            NullLogger<MailIntakeProcessor>.Instance);

        ITimerHandler[] handlers =
        [
            new CaseDeadlineTimerHandler(Cases, Notified),
            new SendRequestsTimerHandler(Requests, []),
            new ChaseRequestsTimerHandler(Requests),
            new OverdueRequestsTimerHandler(Requests, Progress, Cases),
            new CollateRequestsTimerHandler(Progress, Cases),
            // The draft report at Oldham's Day 8 is not under test here (see ReportDraftTimerTests).
            new TeamsReviewBot.Tests.Workflows.Cases.RecordedReportDraftPoints(),
        ];
        _pumps = [Pump(handlers), Pump(handlers)];
    }

    /// <summary>The playbook the world runs (Oldham unless a test names another).</summary>
    public string Partnership { get; }

    public SandboxHost Sandbox { get; }

    public FakeTimeProvider Clock { get; }

    public string Mailbox { get; }

    public CaseService Cases { get; }

    public DurableTimerStore Timers { get; }

    public CapturingNotifier Notified { get; }

    public MailSender Sender { get; }

    public MailboxReader Reader { get; }

    public AgencyDirectory Directory { get; }

    public ReturnFileStore Files { get; }

    public InformationRequestService Requests { get; }

    /// <summary>The case's sealed details: the child reference of the letters among them.</summary>
    public ReferralVault Vault { get; }

    public RequestProgress Progress { get; }

    public MailForReviewStore Review { get; }

    public MailIntakeProcessor Intake { get; }

    public List<string> Problems { get; } = [];

    /// <summary>What the business managers were told in their chats (mail for a person, timers set aside).</summary>
    public RecordedAlerts Alerts { get; } = new();

    public static Task<RequestWorld> StartAsync(AzuriteFixture azurite, DateTimeOffset start, params AgencyContact[] agencies) =>
        StartAsync(azurite, "oldham", start, agencies);

    public static async Task<RequestWorld> StartAsync(AzuriteFixture azurite, string partnership, DateTimeOffset start, params AgencyContact[] agencies) =>
        new(await SandboxHost.StartAsync(), azurite.CreateTables(), azurite, start, partnership, agencies);

    /// <summary>A referral received at <paramref name="receivedAt"/>, put to the panel and decided "Rapid Review" by all three statutory partners.</summary>
    public async Task<string> RapidReviewAsync(DateTimeOffset receivedAt, DateTimeOffset decidedAt)
    {
        var manager = new Actor("bm-object-id", "Bea Manning", Roles.BusinessManager, "partnership business unit");
        await RunUntilAsync(receivedAt);
        var opened = await Cases.OpenAsync(Partnership, CaseRules.Referral, receivedAt, manager, "Referral received by email.", CancellationToken.None);
        var code = opened.CaseCode;
        await Cases.ExecuteAsync(code, (r, s, now) => r.PutToPanel(s, manager, now), CancellationToken.None);
        await RunUntilAsync(decidedAt);
        foreach (var seat in Playbook(Partnership).Seats.Where(s => s.Votes))
        {
            var person = new Actor("lead-" + seat.Key, "Lead " + seat.Key, Roles.PanelMember, seat.Partner);
            await Cases.ExecuteAsync(code, (r, s, now) => s.Stage == CaseStage.AwaitingDecision ? r.CastVote(s, seat.Key, "rapid-review", "Serious harm; neglect suspected.", person, false, now) : [], CancellationToken.None);
        }

        return code;
    }

    public async Task<RequestBook> BookAsync(string code) => (await Cases.LoadAsync(code, CancellationToken.None)).Requests;

    /// <summary>What the partnership mailbox has sent, as the sandbox records it.</summary>
    public async Task<IReadOnlyList<SentItem>> SentAsync() =>
        [.. (await Sandbox.SentAsync(Mailbox)).Select(SentItem.From)];

    /// <summary>Delivers an RFC 822 message to the partnership inbox and runs mail intake on it; returns intake's outcome.</summary>
    public async Task<string> ReceiveAsync(byte[] rfc822)
    {
        var internetMessageId = await Sandbox.DeliverAsync(Mailbox, rfc822);
        var inbox = (await Sandbox.Control.GetFromJsonAsync<JsonElement[]>(new Uri($"sandbox/mailboxes/{Mailbox}/inbox", UriKind.Relative)))!;
        var id = inbox.Single(m => m.GetProperty("internetMessageId").GetString() == internetMessageId).GetProperty("id").GetString()!;
        return await Intake.ProcessAsync(id, CancellationToken.None);
    }

    /// <summary>Fires every timer due up to <paramref name="target"/>, in time order, then sets the clock there.</summary>
    public Task RunUntilAsync(DateTimeOffset target) => TimerDriver.RunUntilAsync(Clock, _pumps, Timers, target, Problems);

    /// <summary>Records that the case has a thread in the panel channel, as the threshold decision does when it posts one.</summary>
    /// <summary>The bot is installed in the panel channel (Teams told it so) and the case's thread is open there.</summary>
    public async Task OpenPanelThreadAsync(string code, string serviceUrl, string threadId, string messageId)
    {
        const string channel = "19:channel-panel@thread.tacv2";
        await _references.SaveAsync(new ConversationReference(ConversationKind.Channel, serviceUrl, channel, "tenant", "28:bot", "TeamsReviewBot", TeamId: channel), CancellationToken.None);
        await Cases.DecideAsync(code, (_, now) =>
        [
            new NewEvent(PanelEventTypes.PanelThreadOpened, CaseJson.Write(new PanelThreadOpened(serviceUrl, channel, threadId, messageId, "tenant", "28:bot", "TeamsReviewBot", new Actor("bm-object-id", "Bea Manning", Roles.BusinessManager, null))), now),
        ], CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        _teamsHttp.Dispose();
        await Sandbox.DisposeAsync();
    }

    private TimerPump Pump(IEnumerable<ITimerHandler> handlers) =>
        new(Timers, handlers, Options.Create(new TimerPumpOptions()), Alerts, Clock, new ProblemLogger<TimerPump>(Problems));
}

/// <summary>What the business managers were told, in order, as well as recording it on the case.</summary>
internal sealed class CapturingNotifier(IBusinessManagerNotifier inner) : IBusinessManagerNotifier
{
    private readonly List<BusinessManagerNotification> _all = [];

    public IReadOnlyList<BusinessManagerNotification> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public async Task NotifyAsync(BusinessManagerNotification notification, CancellationToken cancellationToken)
    {
        lock (_all)
        {
            _all.Add(notification);
        }

        await inner.NotifyAsync(notification, cancellationToken);
    }
}

/// <summary>A message the partnership mailbox sent.</summary>
internal sealed record SentItem(string InternetMessageId, string Subject, IReadOnlyList<string> To, string Body, DateTimeOffset SentAt, IReadOnlyList<(string Name, string ContentType, byte[] Content)> Attachments)
{
    public static SentItem From(JsonElement e) => new(
        e.GetProperty("internetMessageId").GetString()!,
        e.GetProperty("subject").GetString()!,
        [.. e.GetProperty("to").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : t.ToString())],
        e.GetProperty("body").GetString() ?? string.Empty,
        DateTimeOffset.Parse(e.GetProperty("sentDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        [.. e.GetProperty("attachments").EnumerateArray().Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("contentType").GetString()!, Convert.FromBase64String(a.GetProperty("contentBytes").GetString()!)))]);
}
