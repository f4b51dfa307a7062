using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Meetings;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Meetings;

/// <summary>
/// The attendees' answers followed as they happen, through the whole bot on Kestrel: the bot subscribes
/// to the organiser's events in the Graph sandbox (real Microsoft.Graph SDK), the sandbox pushes a
/// change notification to the bot's webhook whenever an attendee answers, and the bot records each
/// answer on the case once, shows it per statutory partner, and warns the business managers once per
/// quorum gap. A notification Graph never delivers is caught up at start-up and on a "missed"
/// lifecycle event.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class MeetingResponsesTests(AzuriteFixture azurite)
{
    internal const string Organiser = "rapid.reviews@example.gov.uk";
    private const string BeaEmail = "bea@example.gov.uk";
    private const string LolaEmail = "lola@council.example";
    private const string PatEmail = "pat@police.example";
    private const string HanaEmail = "hana@icb.example";
    private const string DevEmail = "dev@icb.example";

    [Theory]
    [InlineData("oldham")]
    [InlineData("tameside")]
    [InlineData("salford")]
    [InlineData("west-midlands")]
    [InlineData("gloucestershire")]
    public async Task The_only_police_attendee_declining_is_recorded_once_and_raises_one_quorum_warning_at_once(string partnership)
    {
        await using var bot = await StartAsync(partnership);
        var (code, start) = await BookedAsync(bot, partnership);
        var eventId = (await CaseAsync(bot, code)).MeetingEventId!;
        var proposedStart = start.AddDays(1);

        await AnswerAsync(bot, eventId, LolaEmail, "accepted");
        await AnswerAsync(bot, eventId, HanaEmail, "tentativelyAccepted", proposedStart, proposedStart.AddHours(2));
        await AnswerAsync(bot, eventId, PatEmail, "declined");
        var state = await SettleAsync(bot, code, s => s.MeetingResponses.Count == 3, "three answers recorded");

        var playbook = bot.Services.GetRequiredService<CaseService>().Playbooks.Get(partnership);
        var pat = state.MeetingResponses[PatEmail];
        Assert.Equal(("Pat Okafor", "police", MeetingResponses.Declined), (pat.Name, pat.Partner, pat.Response));
        Assert.Equal(playbook.Seats.First(s => s.Partner == "police" && s.Statutory).Key, pat.Seat);
        Assert.NotNull(pat.At);
        Assert.Equal(proposedStart, state.MeetingResponses[HanaEmail].ProposedStart);
        Assert.Equal(MeetingResponses.Accepted, state.MeetingResponses[LolaEmail].Response);

        var warning = Assert.Single(WarningsTo(bot, Bea));
        Assert.Contains("nobody has accepted for the police", warning.Text, StringComparison.Ordinal);
        Assert.Contains("Pat Okafor (declined)", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("for health", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, warning.Text, StringComparison.Ordinal);

        // Graph delivering again, a catch-up and the check point two working days before record and send nothing more.
        await bot.Graph.FaultsAsync(new { notificationCopies = 3 });
        await AnswerAsync(bot, eventId, LolaEmail, "accepted");
        await SettleAsync(bot, code, s => s.MeetingResponses[LolaEmail].At != state.MeetingResponses[LolaEmail].At, "Lola's repeated answer");
        await bot.Services.GetRequiredService<MeetingAnswersCatchUp>().RunAsync(CancellationToken.None);
        var checkAt = MeetingQuorum.CheckAt(playbook, WorkingDayCalendar.Default, start);
        await bot.JumpAndFireTimersAsync(checkAt);
        await RunTimersAsync(bot);
        Assert.Single(WarningsTo(bot, Bea));
        Assert.Equal(4, (await bot.EventsAsync<MeetingResponseRecorded>(code, CaseEventTypes.MeetingResponseRecorded)).Count);

        // The business manager's meeting card shows who answered for each partner.
        await bot.SayAsync(Bea, $"meeting {code}");
        var card = PanelBot.Words((await bot.Teams.WaitForCallAsync(c => c.Card?.ToJsonString() is { } json && json.Contains("Answers to the invitation", StringComparison.Ordinal), "the meeting card")).Card);
        Assert.Contains("Police | Pat Okafor declined", card, StringComparison.Ordinal);
        Assert.Contains("Local authority | Lola Adeyemi accepted", card, StringComparison.Ordinal);
        Assert.Contains($"Health | Hana Brook tentatively accepted, proposing {BritishDates.DateAndTime(proposedStart)}", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decline_after_accepting_is_a_new_gap_each_time_and_the_thread_card_shows_the_answers()
    {
        await using var bot = await StartAsync("oldham");
        var code = await bot.ReferAsync(Bea);
        await bot.VoteAsync(Lola, code, "rapid-review", "Serious harm; neglect suspected.");
        await bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await bot.VoteAsync(Hana, code, "rapid-review", "Health agrees.");
        await bot.SharedCardAsync(code, json => json.Contains("Decision: Progression to Rapid Review", StringComparison.Ordinal), "the decision card");
        var start = await BookAsync(bot, code, "oldham");
        var eventId = (await CaseAsync(bot, code)).MeetingEventId!;

        await AnswerAsync(bot, eventId, LolaEmail, "accepted");
        await AnswerAsync(bot, eventId, PatEmail, "accepted");
        await AnswerAsync(bot, eventId, HanaEmail, "accepted");
        await SettleAsync(bot, code, s => s.MeetingResponses.Count == 3, "three acceptances");
        await bot.SharedCardAsync(code, json => json.Contains("Hana Brook accepted", StringComparison.Ordinal) && json.Contains("Pat Okafor accepted", StringComparison.Ordinal), "the thread card with the answers");
        Assert.Empty(WarningsTo(bot, Bea));

        await AnswerAsync(bot, eventId, HanaEmail, "declined");
        await SettleAsync(bot, code, s => s.MeetingResponses[HanaEmail].Response == MeetingResponses.Declined, "Hana's decline");
        await RunTimersAsync(bot);
        var first = Assert.Single(WarningsTo(bot, Bea));
        Assert.Contains("nobody has accepted for health", first.Text, StringComparison.Ordinal);
        Assert.Contains("Hana Brook (declined)", first.Text, StringComparison.Ordinal);
        var button = Assert.Single(first.Card!["actions"]!.AsArray());
        Assert.Equal("Invite Dev Shah", button!["title"]!.GetValue<string>());
        await bot.SharedCardAsync(code, json => json.Contains("Hana Brook declined", StringComparison.Ordinal), "the thread card with the decline");

        // The deputy is invited from the warning and accepts: health is covered again, by the deputy.
        var invited = await bot.InvokeAsync(Bea, QuorumWarningCard.InviteVerb, button["data"]!.AsObject(), conversationId: "a:chat-" + Bea.TeamsId);
        Assert.Contains("Dev Shah is added", invited["value"]!.GetValue<string>(), StringComparison.Ordinal);
        await AnswerAsync(bot, eventId, DevEmail, "accepted");
        var covered = await SettleAsync(bot, code, s => s.MeetingResponses.ContainsKey(DevEmail), "the deputy's acceptance");
        Assert.Equal("health", covered.MeetingResponses[DevEmail].Partner);
        await bot.SharedCardAsync(code, json => json.Contains("Dev Shah accepted", StringComparison.Ordinal), "the thread card with the deputy");
        Assert.Single(WarningsTo(bot, Bea));

        // The deputy then declines: a second gap for health, warned once more.
        await AnswerAsync(bot, eventId, DevEmail, "declined");
        await SettleAsync(bot, code, s => s.MeetingResponses[DevEmail].Response == MeetingResponses.Declined, "the deputy's decline");
        await RunTimersAsync(bot);
        Assert.Equal(2, WarningsTo(bot, Bea).Count);
        var trail = AuditTrail.Render(bot.Services.GetRequiredService<CaseService>().Playbooks.Get("oldham"), await bot.StreamAsync(code));
        Assert.Contains(trail, line => line.Contains("recorded from the calendar: Dev Shah (health) declined the meeting invitation.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dropped_notification_is_caught_up_at_start_up_and_on_a_missed_lifecycle_event()
    {
        await using var bot = await StartAsync("oldham");
        var (code, _) = await BookedAsync(bot, "oldham");
        var eventId = (await CaseAsync(bot, code)).MeetingEventId!;

        // The booking's own notification is read first: reading the event later would find the answer anyway.
        await WaitForAsync(() => bot.Graph.State.Stats.NotificationsDelivered >= 1, "the booking's notification");
        await RunTimersAsync(bot);
        await bot.Graph.FaultsAsync(new { dropNotifications = 1 });
        await AnswerAsync(bot, eventId, PatEmail, "declined");
        await RunTimersAsync(bot);
        Assert.Empty((await CaseAsync(bot, code)).MeetingResponses);
        Assert.Empty(WarningsTo(bot, Bea));
        Assert.Equal(1, bot.Graph.State.Stats.NotificationsDropped);

        // The bot restarts: it reads the booked meetings' answers as it starts.
        await bot.RestartAsync();
        var state = await SettleAsync(bot, code, s => s.MeetingResponses.ContainsKey(PatEmail), "the decline caught up at start-up");
        Assert.Equal(MeetingResponses.Declined, state.MeetingResponses[PatEmail].Response);
        await WaitForAsync(() => WarningsTo(bot, Bea).Count == 1, "the police warning after the restart");
        Assert.Contains("nobody has accepted for the police", Assert.Single(WarningsTo(bot, Bea)).Text, StringComparison.Ordinal);

        // Another notification is dropped, and Graph says so with a "missed" lifecycle event.
        await bot.Graph.FaultsAsync(new { dropNotifications = 1 });
        await AnswerAsync(bot, eventId, HanaEmail, "declined");
        var subscription = bot.Graph.State.Subscriptions.Single(s => s.IsEvents);
        await bot.Graph.LifecycleAsync(subscription.Id, "missed");
        await SettleAsync(bot, code, s => s.MeetingResponses.ContainsKey(HanaEmail), "the decline caught up after \"missed\"");
        await WaitForAsync(() => WarningsTo(bot, Bea).Count == 2, "the health warning after \"missed\"");
        Assert.Contains("nobody has accepted for health", WarningsTo(bot, Bea)[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_webhook_echoes_the_validation_token_and_ignores_a_notification_with_the_wrong_client_state()
    {
        await using var bot = await StartAsync("oldham");
        const string eventId = "AAMkAGForgedEvent000001";

        using var validation = await bot.Client.PostAsync(new Uri("/api/notifications/events?validationToken=abc%20123", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, validation.StatusCode);
        Assert.Equal("abc 123", await validation.Content.ReadAsStringAsync());

        using var forged = await bot.Client.PostAsJsonAsync(new Uri("/api/notifications/events", UriKind.Relative), new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = "forged",
                ["changeType"] = "updated",
                ["resource"] = $"Users/{Organiser}/Events/{eventId}",
                ["resourceData"] = new JsonObject { ["id"] = eventId },
                ["clientState"] = "not-the-secret-at-all",
            }),
        });
        Assert.Equal(HttpStatusCode.Accepted, forged.StatusCode);
        Assert.Null(await bot.Services.GetRequiredService<DurableTimerStore>().FindAsync(MeetingCalendarTimers.EventChanged(eventId, DateTimeOffset.UtcNow).Id));

        using var garbage = await bot.Client.PostAsync(new Uri("/api/notifications/events", UriKind.Relative), new StringContent("not json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    internal static async Task<PanelBot> StartAsync(string partnership, AzuriteFixture azurite)
    {
        var port = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Meeting:Organiser"] = Organiser,
            ["Meeting:NotificationUrl"] = $"http://127.0.0.1:{port}/api/notifications/events",
            // Only the start-up catch-up runs during a test; the interval's own pass is not under test.
            ["Meeting:ResponsesCheckInterval"] = "01:00:00",
        };
        string[] emails = [BeaEmail, LolaEmail, PatEmail, HanaEmail, DevEmail];
        for (var i = 0; i < emails.Length; i++)
        {
            settings[$"Partnership:People:{i}:Email"] = emails[i];
        }

        var bot = await PanelBot.StartAsync(azurite, partnership, StatutoryPanel, settings, port: port);
        await bot.PersonalInstallAsync(Bea);
        await WaitForAsync(() => bot.Graph.State.Subscriptions.Any(s => s.IsEvents && s.Resource == $"users/{Organiser}/events"), "the subscription on the organiser's events");
        return bot;
    }

    private Task<PanelBot> StartAsync(string partnership) => StartAsync(partnership, azurite);

    /// <summary>A case the panel sent to Rapid Review (through the case rules), its meeting booked at
    /// 10:00 on the last day of the playbook's window.</summary>
    internal static async Task<(string Code, DateTimeOffset Start)> BookedAsync(PanelBot bot, string partnership)
    {
        var cases = bot.Services.GetRequiredService<CaseService>();
        var manager = new Actor(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null);
        var state = await cases.OpenAsync(partnership, CaseRules.Referral, bot.Clock.GetUtcNow(), manager, "Referral by email.", CancellationToken.None);
        state = await cases.ExecuteAsync(state.CaseCode, (r, s, now) => r.PutToPanel(s, manager, now), CancellationToken.None);
        foreach (var seat in cases.Playbooks.Get(partnership).Seats.Where(s => s.Votes))
        {
            if (state.Stage == CaseStage.AwaitingDecision)
            {
                var member = new Actor("00000000-0000-0000-0000-0000000000" + (seat.Partner.Length % 90).ToString("00", System.Globalization.CultureInfo.InvariantCulture), "Member for " + seat.Partner, Roles.PanelMember, seat.Partner);
                state = await cases.ExecuteAsync(state.CaseCode, (r, s, now) => r.CastVote(s, seat.Key, "rapid-review", "Serious harm and suspected neglect.", member, false, now), CancellationToken.None);
            }
        }

        Assert.Equal(CaseStage.RapidReview, state.Stage);
        return (state.CaseCode, await BookAsync(bot, state.CaseCode, partnership));
    }

    private static async Task<DateTimeOffset> BookAsync(PanelBot bot, string code, string partnership)
    {
        var cases = bot.Services.GetRequiredService<CaseService>();
        var playbook = cases.Playbooks.Get(partnership);
        var window = cases.Schedule.Timetable(playbook, (await cases.FindAsync(code, CancellationToken.None))!).Get(playbook.Meeting.Deadline);
        var start = WorkingDayCalendar.AtLondon(window.DueDate, new TimeOnly(10, 0));
        await bot.Services.GetRequiredService<MeetingService>().BookAsync(code, start, new Actor(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null), CancellationToken.None);
        return start;
    }

    internal static async Task AnswerAsync(PanelBot bot, string eventId, string address, string response, DateTimeOffset? proposedStart = null, DateTimeOffset? proposedEnd = null)
    {
        using var answered = await bot.Graph.Control.PostAsJsonAsync(
            new Uri($"sandbox/calendars/{Organiser}/events/{Uri.EscapeDataString(eventId)}/responses", UriKind.Relative),
            new { address, response, proposedStart, proposedEnd });
        answered.EnsureSuccessStatusCode();
    }

    internal static async Task<CaseState> CaseAsync(PanelBot bot, string code) =>
        (await bot.Services.GetRequiredService<CaseService>().FindAsync(code, CancellationToken.None))!;

    /// <summary>Fires due timers (the webhook keeps each notification as one) until the case shows <paramref name="done"/>.</summary>
    internal static async Task<CaseState> SettleAsync(PanelBot bot, string code, Func<CaseState, bool> done, string what)
    {
        for (var i = 0; i < 150; i++)
        {
            await RunTimersAsync(bot);
            var state = await CaseAsync(bot, code);
            if (done(state))
            {
                return state;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Never saw {what}.");
    }

    private static async Task RunTimersAsync(PanelBot bot)
    {
        await Task.Delay(300); // the sandbox pushes notifications in the background
        while (await bot.Services.GetRequiredService<TimerPump>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static async Task WaitForAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 150; i++)
        {
            if (done())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Never saw {what}.");
    }

    private static List<(string Text, JsonNode? Card)> WarningsTo(PanelBot bot, Person person) =>
        [.. bot.Teams.Calls.Where(c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && c.Method == "POST" && c.Text.Contains("is not quorate yet", StringComparison.Ordinal))
            .Select(c => (c.Text, c.Card))];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
