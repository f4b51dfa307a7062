using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.ThresholdDecision;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;

/// <summary>Someone in the partnership's Teams, with the role the configuration gives them (none for a visitor).</summary>
public sealed record Person(string TeamsId, string AadObjectId, string Name, string? Role, string? Partner = null)
{
    public JsonObject From => new() { ["id"] = TeamsId, ["aadObjectId"] = AadObjectId, ["name"] = Name };
}

/// <summary>
/// The whole bot on Kestrel with its tables on Azurite, a Teams stand-in for the connector, and a
/// clock set to a known working day. Sends activities to /api/messages exactly as Teams does.
/// </summary>
public sealed class PanelBot : IAsyncDisposable
{
    public const string Tenant = "11111111-1111-1111-1111-111111111111";
    public const string Team = "19:team-oscp@thread.tacv2";
    public const string Channel = "19:channel-panel@thread.tacv2";
    public const string BotId = "28:22222222-2222-2222-2222-222222222222";

    /// <summary>Monday 23 November 2026, 10:00 in London: a working day well clear of bank holidays.</summary>
    public static readonly DateTimeOffset Monday10am = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly int _port;
    private Action<IServiceCollection>? _services;
    private BotApplicationFactory _factory;

    private PanelBot(Dictionary<string, string?> settings, Action<IServiceCollection>? services, BotApplicationFactory factory, FakeConnector teams, SandboxHost graph, AdjustableClock clock, HttpClient client, int port)
    {
        _settings = settings;
        _port = port;
        _services = services;
        _factory = factory;
        Graph = graph;
        Teams = teams;
        Clock = clock;
        Client = client;
    }

    public FakeConnector Teams { get; }

    /// <summary>The Graph sandbox holding the partnership mailbox the bot sends from.</summary>
    public SandboxHost Graph { get; }

    public const string Mailbox = "partnership-mailbox@example.gov.uk";

    public AdjustableClock Clock { get; }

    public HttpClient Client { get; private set; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="mailOnBotClock">The Graph sandbox dates mail and calendar changes by the bot's clock
    /// rather than the machine's, for a story told on the bot's dates from the referral's arrival on.</param>
    public static async Task<PanelBot> StartAsync(AzuriteFixture azurite, string partnership, IReadOnlyList<Person> people, IDictionary<string, string?>? extra = null, DateTimeOffset? start = null, bool installInChannel = true, Action<IServiceCollection>? services = null, int port = 0, bool mailOnBotClock = false)
    {
        var teams = await FakeConnector.StartAsync(basePath: "");
        var clock = new AdjustableClock(start ?? Monday10am);
        var graph = await SandboxHost.StartAsync(mailOnBotClock ? clock : null);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewPrefix(),
            [$"ThresholdDecision:Panels:{partnership}:ChannelId"] = Channel,
            ["ThresholdDecision:DefaultPartnership"] = partnership,
            ["Graph:UseSandbox"] = "true",
            ["Graph:BaseUrl"] = graph.GraphBaseUrl,
            ["Graph:Mailbox"] = Mailbox,
            // Intake's subscription is not under test here: Graph cannot validate this address.
            ["Graph:NotificationUrl"] = "http://127.0.0.1:9/api/notifications",
            ["Graph:ClientStateSecret"] = "threshold-decision-tests",

            // A command's index row and timers are in place when it answers; a test that passes
            // "false" runs them after the reply, as a deployment does, and PostAsync waits for them.
            ["CaseFollowUps:RunBeforeReply"] = "true",
        };
        for (var i = 0; i < people.Count; i++)
        {
            if (people[i].Role is null)
            {
                continue;
            }

            settings[$"Partnership:People:{i}:AadObjectId"] = people[i].AadObjectId;
            settings[$"Partnership:People:{i}:Name"] = people[i].Name;
            settings[$"Partnership:People:{i}:Role"] = people[i].Role;
            settings[$"Partnership:People:{i}:Partner"] = people[i].Partner;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var factory = Host(settings, clock, services, port);
        factory.StartServer();
        var bot = new PanelBot(settings, services, factory, teams, graph, clock, factory.CreateClient(), port);
        if (installInChannel)
        {
            await bot.InstallInChannelAsync();
        }

        return bot;
    }

    /// <summary>
    /// Stops the bot, losing everything it held in memory, and starts it again over the same
    /// tables, Teams stand-in, mailbox and clock, as a restart of the app would. The restarted bot
    /// runs with <paramref name="services"/> in place of the first run's service changes, when given.
    /// </summary>
    public async Task RestartAsync(Action<IServiceCollection>? services = null)
    {
        _services = services ?? _services;
        Client.Dispose();
        await _factory.DisposeAsync();
        _factory = Host(_settings, Clock, _services, _port);
        _factory.StartServer();
        Client = _factory.CreateClient();
    }

    /// <summary>A second instance of the bot over the same tables, Teams stand-in, mailbox and clock,
    /// as a scaled-out deployment runs: both take traffic and fire timers. The caller disposes it.
    /// It runs with <paramref name="services"/> in place of the first instance's service changes, when given.</summary>
    public BotApplicationFactory StartSecondInstance(Action<IServiceCollection>? services = null)
    {
        var second = Host(_settings, Clock, services ?? _services, 0);
        second.StartServer();
        return second;
    }

    /// <summary>The person opens their personal chat with the bot (so it can reach them 1:1).</summary>
    public Task PersonalInstallAsync(Person person) => PostAsync(new JsonObject
    {
        ["type"] = "conversationUpdate",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = Teams.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = person.From,
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:chat-" + person.TeamsId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["membersAdded"] = new JsonArray(person.From, new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    });

    /// <summary>A chat message typed by <paramref name="person"/> in their personal chat with the bot.</summary>
    public Task<HttpResponseMessage> SayAsync(Person person, string text) => PostAsync(new JsonObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["text"] = text,
        ["serviceUrl"] = Teams.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = person.From,
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:chat-" + person.TeamsId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    });

    /// <summary>An Action.Execute press, as Teams sends it: invoke adaptiveCard/action with the
    /// button's data merged with the card's inputs. Returns the invoke response body.</summary>
    public async Task<JsonObject> InvokeAsync(Person person, string verb, JsonObject data, string? conversationId = null, string? cardMessageId = null, string? activityId = null, bool automatic = false)
    {
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() } };
        if (automatic)
        {
            value["trigger"] = "automatic";
        }

        var response = await PostAsync(new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = activityId ?? Guid.NewGuid().ToString(),
            ["serviceUrl"] = Teams.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = person.From,
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId ?? Channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant },
            ["replyToId"] = cardMessageId ?? "1",
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Tenant },
                ["team"] = new JsonObject { ["id"] = Team },
                ["channel"] = new JsonObject { ["id"] = Channel },
                ["source"] = new JsonObject { ["name"] = "message" },
            },
            ["value"] = value,
        });
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>An Action.Submit press (the fallback older clients use): a message activity whose
    /// value is the button's data, the card's inputs and the verb, as the fallback card sends it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(Person person, string caseCode, string verb, JsonObject? inputs = null)
    {
        var thread = (await CaseAsync(caseCode)).Thread!;
        var value = inputs is null ? new JsonObject() : (JsonObject)inputs.DeepClone();
        value["caseCode"] = caseCode;
        value["verb"] = verb;
        value["viaSubmitFallback"] = true;
        return await PostAsync(new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["serviceUrl"] = Teams.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = person.From,
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = thread.ThreadId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant },
            ["replyToId"] = thread.MessageId,
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Tenant },
                ["team"] = new JsonObject { ["id"] = Team },
                ["channel"] = new JsonObject { ["id"] = Channel },
            },
            ["value"] = value,
        });
    }

    /// <summary>A business manager types refer and submits the form; returns the new case code.</summary>
    public async Task<string> ReferAsync(Person manager, string kind = "referral", DateTimeOffset? receivedAt = null, string referrer = "referrer@school.example")
    {
        var form = await OpenReferFormAsync(manager);
        var answer = await SubmitReferFormAsync(manager, form, kind, receivedAt, referrer);
        var heading = answer["value"]!["body"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("Case ", heading, StringComparison.Ordinal);
        return heading.Split(' ')[1];
    }

    /// <summary>A business manager types refer; returns the form card the bot sent.</summary>
    public async Task<JsonNode> OpenReferFormAsync(Person manager)
    {
        await SayAsync(manager, "refer");
        var form = await Teams.WaitForCallAsync(c => c.Card?.ToJsonString().Contains("\"verb\":\"refer\"", StringComparison.Ordinal) == true, "the refer form");
        return form.Card!;
    }

    /// <summary>The business manager fills in the form and presses its button; returns the invoke response.</summary>
    public async Task<JsonObject> SubmitReferFormAsync(Person manager, JsonNode form, string kind = "referral", DateTimeOffset? receivedAt = null, string referrer = "referrer@school.example")
    {
        var formId = form["actions"]![0]!["data"]!["formId"]!.GetValue<string>();
        var received = TeamsReviewBot.Process.Calendar.WorkingDayCalendar.ToLondon(receivedAt ?? Clock.GetUtcNow().AddHours(-1));
        var answer = await InvokeAsync(manager, "refer", new JsonObject
        {
            ["formId"] = formId,
            ["partnership"] = form["body"]![2]!["value"]!.GetValue<string>(),
            ["referralKind"] = kind,
            ["receivedOn"] = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["receivedAt"] = received.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["incidentCategory"] = "Physical abuse",
            ["ageBand"] = "Under 1",
            ["incidentDate"] = received.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["referringOrganisation"] = "Hollybank Primary School",
            ["referrerEmail"] = referrer,
            ["childName"] = ChildName,
            ["childDateOfBirth"] = "2026-03-14",
            ["childAddress"] = ChildAddress,
        }, conversationId: "a:chat-" + manager.TeamsId);
        LastReferAnswer = answer;
        return answer;
    }

    /// <summary>What the bot answered the last refer form with.</summary>
    public JsonObject? LastReferAnswer { get; private set; }

    public const string ChildName = "Amelia Testchild";
    public const string ChildAddress = "12 Example Street, Oldham OL1 1AA";

    /// <summary>Votes as the card would send it: every threshold question answered, from the case's thread.</summary>
    public async Task<JsonObject> VoteAsync(Person person, string caseCode, string outcome, string rationale, string? activityId = null)
    {
        var thread = (await CaseAsync(caseCode)).Thread;
        return await InvokeAsync(person, "vote", new JsonObject
        {
            ["caseCode"] = caseCode,
            ["abuseOrNeglect"] = "yes",
            ["deathOrSeriousHarm"] = "yes",
            ["inArea"] = "yes",
            ["notifiable"] = outcome == "rapid-review" ? "yes" : "no",
            ["outcome"] = outcome,
            ["rationale"] = rationale,
        }, conversationId: thread?.ThreadId, cardMessageId: thread?.MessageId, activityId: activityId);
    }

    /// <summary>Any other button on the case's thread card.</summary>
    public async Task<JsonObject> PressAsync(Person person, string caseCode, string verb, JsonObject? inputs = null, bool automatic = false)
    {
        var thread = (await CaseAsync(caseCode)).Thread;
        var data = inputs is null ? new JsonObject() : (JsonObject)inputs.DeepClone();
        data["caseCode"] = caseCode;
        return await InvokeAsync(person, verb, data, conversationId: thread?.ThreadId, cardMessageId: thread?.MessageId, automatic: automatic);
    }

    /// <summary>The events of the case's stream of one type, read back as their records.</summary>
    public async Task<IReadOnlyList<T>> EventsAsync<T>(string caseCode, string type) =>
        [.. (await StreamAsync(caseCode)).Where(e => e.Type == type).Select(e => CaseJson.Read<T>(e.Data))];

    /// <summary>The text of everything the bot sent into the channel (thread posts and card edits).</summary>
    public string ChannelTraffic() => string.Join("\n", Teams.Calls
        .Where(c => c.Path == "/v3/conversations" || c.Path.StartsWith("/v3/conversations/" + Channel, StringComparison.Ordinal))
        .Select(c => c.Body?.ToJsonString() ?? string.Empty));

    /// <summary>What the bot sent to a person's personal chat.</summary>
    public IReadOnlyList<string> PersonalMessagesTo(Person person) =>
        [.. Teams.Calls.Where(c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && c.Method == "POST").Select(c => c.Text)];

    public async Task<IReadOnlyList<StoredEvent>> StreamAsync(string caseCode) =>
        await Services.GetRequiredService<ICaseEventStore>().ReadAsync(caseCode);

    public Task<CaseState> CaseAsync(string caseCode) =>
        Services.GetRequiredService<CaseService>().LoadAsync(caseCode, CancellationToken.None);

    /// <summary>The thread the case's card was posted in, as the stand-in answered it.</summary>
    public string ThreadIdOf(string caseCode) =>
        Teams.Calls.Where(c => c.Path == "/v3/conversations" && c.Body?["activity"]?["text"]?.GetValue<string>()?.Contains(caseCode, StringComparison.Ordinal) == true)
            .Select(c => c.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>()).FirstOrDefault() ?? Channel;

    /// <summary>The latest edit of the case's shared card, once one matching <paramref name="match"/> has been sent.</summary>
    public Task<ConnectorCall> SharedCardAsync(string caseCode, Func<string, bool> match, string what) =>
        Teams.WaitForCallAsync(c => IsSharedCardEdit(c, caseCode, match), what);

    /// <summary>Whether the case's shared card has been edited to something <paramref name="match"/> accepts, by now.</summary>
    public bool SharedCardShown(string caseCode, Func<string, bool> match) =>
        Teams.Calls.Any(c => IsSharedCardEdit(c, caseCode, match));

    private static bool IsSharedCardEdit(ConnectorCall call, string caseCode, Func<string, bool> match) =>
        call.Method == "PUT" && call.Card?.ToJsonString() is { } json && json.Contains(caseCode, StringComparison.Ordinal) && match(json);

    /// <summary>Moves the clock and fires whatever timers are then due, as the timer pump does.</summary>
    public async Task<int> JumpAndFireTimersAsync(DateTimeOffset to)
    {
        Clock.JumpTo(to);
        var fired = await Services.GetRequiredService<TeamsReviewBot.Workflows.Timers.TimerPump>().RunOnceAsync(CancellationToken.None);
        await FollowUpsDoneAsync();
        return fired;
    }

    /// <summary>Waits for a personal message to <paramref name="person"/> containing <paramref name="containing"/>.</summary>
    public async Task<string> WaitForPersonalAsync(Person person, string containing)
    {
        var call = await Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && c.Text.Contains(containing, StringComparison.Ordinal), $"a message to {person.Name} about {containing}");
        return call.Text;
    }

    /// <summary>Waits for the partnership mailbox to have sent a mail whose subject contains <paramref name="subject"/>.</summary>
    public async Task<System.Text.Json.JsonElement> WaitForSentMailAsync(string subject)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await Graph.SentAsync(Mailbox)).FirstOrDefault(m => m.GetProperty("subject").GetString()!.Contains(subject, StringComparison.Ordinal)) is { ValueKind: System.Text.Json.JsonValueKind.Object } sent)
            {
                return sent;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The partnership mailbox never sent a mail about \"{subject}\".");
    }

    /// <summary>
    /// Mail arriving in the partnership mailbox and taken in as intake takes it; returns what intake
    /// did. The bot's own intake worker, told of the message by the sandbox, may take it first: then
    /// its outcome is read from the ledger, so the test sees the same words either way.
    /// </summary>
    public async Task<string> ReceiveMailAsync(byte[] rfc822)
    {
        var internetMessageId = await Graph.DeliverAsync(Mailbox, rfc822);
        var inbox = (await Graph.Control.GetFromJsonAsync<System.Text.Json.JsonElement[]>(new Uri($"sandbox/mailboxes/{Mailbox}/inbox", UriKind.Relative)))!;
        var id = inbox.Single(m => m.GetProperty("internetMessageId").GetString() == internetMessageId).GetProperty("id").GetString()!;
        string outcome;
        try
        {
            outcome = await Services.GetRequiredService<TeamsReviewBot.Workflows.Intake.MailIntakeProcessor>().ProcessAsync(id, CancellationToken.None);
        }
        catch (TeamsReviewBot.Storage.Intake.IntakeMessageHeldException)
        {
            outcome = "already taken in";
        }

        if (outcome != "already taken in")
        {
            return outcome;
        }

        var ledger = Services.GetRequiredService<TeamsReviewBot.Storage.Intake.IntakeLedger>();
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(100))
        {
            var entry = (await ledger.ListAsync(Mailbox)).SingleOrDefault(e => e.InternetMessageId == internetMessageId);
            if (entry is { Status: TeamsReviewBot.Storage.Intake.IntakeStatus.Done, Outcome: { } done })
            {
                return done;
            }
        }

        return outcome;
    }

    /// <summary>Every string in a card or response, joined: what a person could read on it.</summary>
    public static string Words(JsonNode? node) => node switch
    {
        JsonObject o => string.Join(" | ", o.Select(p => Words(p.Value))),
        JsonArray a => string.Join(" | ", a.Select(Words)),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => string.Empty,
    };

    /// <summary>Sends an activity; answers once the case follow-ups it caused (index row, timers) are
    /// done too, as they are a moment after the reply, so a test can look at them straight away.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var response = await Client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), activity);
        await FollowUpsDoneAsync();
        return response;
    }

    /// <summary>Whether <see cref="PostAsync"/> waits for the case follow-ups it caused (off for a
    /// test that stopped this instance's follow-ups on purpose).</summary>
    public bool AwaitFollowUps { get; set; } = true;

    /// <summary>Waits until the background queue (card edits, and what follows a decision where
    /// appends follow up before returning) and the case follow-ups are done: before a test sets a
    /// Graph fault meant for its own next step, so that an earlier step's late email does not take it.</summary>
    public async Task BackgroundWorkDoneAsync()
    {
        await Services.GetRequiredService<TeamsReviewBot.Teams.Outbound.OutboundWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<TeamsReviewBot.Workflows.Cases.PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until intake's first pass over the mailbox is done, so mail delivered after it is
    /// the test's to take in (the next pass is Graph:DeltaSyncInterval away, and no notification reaches the bot).</summary>
    public Task FirstDeltaPassDoneAsync() => TeamsReviewBot.Tests.Workflows.Intake.LocalIntake.WaitUntilAsync(
        async () => await Services.GetRequiredService<TeamsReviewBot.Storage.Intake.MailboxSyncStore>().GetDeltaLinkAsync(Mailbox) is not null,
        "intake's first pass over the mailbox",
        TimeSpan.FromSeconds(60));

    /// <summary>Waits until this instance has no case follow-up queued or running.</summary>
    public Task FollowUpsDoneAsync() => AwaitFollowUps
        ? Services.GetRequiredService<TeamsReviewBot.Workflows.Cases.PendingCaseFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30))
        : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Teams.DisposeAsync();
        await Graph.DisposeAsync();
    }

    /// <summary>The app is added to the team: Teams' installationUpdate from the panel channel.</summary>
    public Task<HttpResponseMessage> InstallInChannelAsync() => PostAsync(ChannelInstall());

    private JsonObject ChannelInstall() => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = Teams.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:installer", ["name"] = "Installer" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsReviewBot" },
        ["conversation"] = new JsonObject { ["id"] = Channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant, ["name"] = "Rapid Review Panel" },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["team"] = new JsonObject { ["id"] = Team, ["name"] = "Safeguarding Children Partnership" },
            ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "Rapid Review Panel" },
        },
    };

    /// <summary>The bot on the test's clock, with the test's replacements of services.</summary>
    private static BotApplicationFactory Host(Dictionary<string, string?> settings, AdjustableClock clock, Action<IServiceCollection>? services, int port) =>
        new(settings)
        {
            Port = port,
            EnvironmentName = "Development",
            TestServices = s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                services?.Invoke(s);
            },
        };
}
