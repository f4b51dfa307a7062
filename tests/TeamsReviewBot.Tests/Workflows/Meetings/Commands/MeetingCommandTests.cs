using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.GraphIntegration.Client;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Meetings;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Meetings;

namespace TeamsReviewBot.Tests.Workflows.Meetings.Commands;

/// <summary>
/// "meeting ‹case code›" and the slot buttons through the whole bot over Kestrel, with calendars and
/// the Teams meeting in the Graph sandbox reached through the real Microsoft.Graph SDK: slots inside
/// the playbook's window, the meeting booked once (a retried click, or a crash after Graph made the
/// event, never makes a second), and only business managers may do either.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class MeetingCommandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Organiser = "rapid.reviews@partnership.example";
    private const string Ada = "ada@partnership.example";
    private const string PoliceLead = "bob@police.example";
    private const string LaLead = "lin@council.example";
    private const string HealthLead = "hal@icb.example";
    private static readonly Actor Manager = new(TestIds.AdaAad, "Ada Lovelace", Roles.BusinessManager, "partnership business unit");

    private SandboxHost _sandbox = null!;
    private FakeConnector _connector = null!;
    private BotApplicationFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _connector = await FakeConnector.StartAsync();
        var settings = TestIds.People();
        settings["Partnership:People:0:Email"] = Ada;
        settings["Partnership:People:1:Email"] = PoliceLead;
        settings["Partnership:People:2:AadObjectId"] = "55555555-5555-5555-5555-555555555555";
        settings["Partnership:People:2:Name"] = "Lin Council";
        settings["Partnership:People:2:Role"] = "StatutoryLead";
        settings["Partnership:People:2:Partner"] = "LocalAuthority";
        settings["Partnership:People:2:Email"] = LaLead;
        settings["Partnership:People:3:AadObjectId"] = "66666666-6666-6666-6666-666666666666";
        settings["Partnership:People:3:Name"] = "Hal Health";
        settings["Partnership:People:3:Role"] = "StatutoryLead";
        settings["Partnership:People:3:Partner"] = "Health";
        settings["Partnership:People:3:Email"] = HealthLead;
        settings["Graph:UseSandbox"] = "true";
        settings["Graph:BaseUrl"] = _sandbox.GraphBaseUrl;
        settings["Meeting:Organiser"] = Organiser;
        // The deployment's own partnership, whose agency directory lists who was asked for information.
        settings["Partnership:Playbook"] = "oldham";
        _bot = new BotApplicationFactory(azurite, settings);
        _client = _bot.CreateClient();
        await _client.PostAsync(Activities.PersonalInstall(_connector.ServiceUrl, Activities.Ada));
        await _client.PostAsync(Activities.PersonalInstall(_connector.ServiceUrl, Activities.Bob, "a:personal-bob"));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData("oldham")]
    [InlineData("tameside")]
    [InlineData("salford")]
    [InlineData("west-midlands")]
    [InlineData("gloucestershire")]
    public async Task A_business_manager_books_the_meeting_once_from_a_slot_inside_the_window(string partnership)
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await GoingToRapidReviewAsync(cases, partnership);
        var playbook = cases.Playbooks.Get(partnership);
        var window = cases.Schedule.Timetable(playbook, state).Get(playbook.Meeting.Deadline);
        var firstDay = window.EarliestDate ?? window.DueDate;
        // The police lead is busy all of the window's first day; everyone else is free.
        await SetBusyAsync(PoliceLead, new { start = WorkingDayCalendar.AtLondon(firstDay, TimeOnly.MinValue), end = WorkingDayCalendar.AtLondon(firstDay.AddDays(1), TimeOnly.MinValue), status = "busy" });
        await SetBusyAsync(LaLead);
        await SetBusyAsync(HealthLead);
        await SetBusyAsync(Ada);

        var card = (await AskAsync(Activities.Ada, $"meeting {state.CaseCode}"))["attachments"]![0]!["content"]!;

        var starts = card["actions"]!.AsArray().Select(a => DateTimeOffset.Parse(a!["data"]!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(starts);
        Assert.All(starts, s =>
        {
            var date = WorkingDayCalendar.LondonDate(s);
            Assert.InRange(date, firstDay, window.DueDate);
            Assert.True(WorkingDays().IsWorkingDay(date));
        });
        var bestSlot = card["body"]![2]!["facts"]![0]!["value"]!.GetValue<string>();
        if (firstDay != window.DueDate)
        {
            // A quorate day comes first.
            Assert.NotEqual(firstDay, WorkingDayCalendar.LondonDate(starts[0]));
            Assert.Equal("4 of 4 free; every statutory partner has someone free", bestSlot);
        }
        else
        {
            // A one-day window: the only police invitee is busy, and the card says so.
            Assert.Equal("3 of 4 free; nobody free for the police", bestSlot);
        }

        var booked = await PressAsync(Activities.Ada, TestIds.AdaChat, state.CaseCode, starts[0]);
        var again = await PressAsync(Activities.Ada, TestIds.AdaChat, state.CaseCode, starts[0]);

        // Salford's decision makers' sign-off slot may be booked beside it by then (SignOffSlotTests).
        var events = await EventsAsync();
        var meeting = Assert.Single(events, e => e.GetProperty("transactionId").GetString()!.Contains("-meeting-", StringComparison.Ordinal));
        Assert.Equal(["invitation"], meeting.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(starts[0], meeting.GetProperty("start").GetDateTimeOffset());
        Assert.Equal([Ada, PoliceLead, HealthLead, LaLead], meeting.GetProperty("attendees").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal($"{MeetingInvitation.MeetingName(playbook)} – {state.CaseCode}", meeting.GetProperty("subject").GetString());
        var joinUrl = meeting.GetProperty("joinUrl").GetString()!;
        Assert.Contains(joinUrl, booked.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(joinUrl, again.ToJsonString(), StringComparison.Ordinal);

        var after = (await cases.FindAsync(state.CaseCode, CancellationToken.None))!;
        Assert.Equal(starts[0], after.MeetingAt);
        Assert.Equal(meeting.GetProperty("id").GetString(), after.MeetingEventId);
        var timetableReply = await AskAsync(Activities.Ada, $"timetable {state.CaseCode}");
        Assert.Contains($"The meeting is booked for {BritishDates.DateAndTime(starts[0])} (Teams: {joinUrl}).", timetableReply["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Deadlines anchored on the meeting follow the booked time (papers before, sign-off and submission after).
        var timetable = cases.Schedule.Timetable(playbook, after);
        foreach (var rule in playbook.Deadlines.Where(d => d.Anchor == playbook.Meeting.Deadline && d.Condition is null))
        {
            var entry = timetable.Get(rule.Key);
            if (rule.Due.WorkingDays is { } days)
            {
                Assert.Equal(WorkingDays().AddWorkingDays(WorkingDayCalendar.LondonDate(starts[0]), days), entry.DueDate);
            }
            else if (rule.Due.Hours is { } hours)
            {
                Assert.Equal(starts[0].AddHours(hours), entry.DueAt);
            }
        }

        Assert.Single(await cases.HistoryAsync(state.CaseCode, CancellationToken.None), e => e.Type == CaseEventTypes.MeetingScheduled);
    }

    [Theory]
    [InlineData("tameside")] // seed-001 §5 Flow Day 3: the templates go "with a return date by Day 10 and a calendar invite for Day 13"
    [InlineData("salford")] // seed-002 §7 (L332): "At the same time as requests for information are sent, the Business Unit should set the date for the review meeting"
    public async Task Where_the_seed_sets_the_meeting_with_the_requests_the_business_managers_get_the_best_times_once_as_they_go_out(string partnership)
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await GoingToRapidReviewAsync(cases, partnership);
        foreach (var person in new[] { Ada, PoliceLead, LaLead, HealthLead })
        {
            await SetBusyAsync(person);
        }

        var follower = _bot.Services.GetServices<TeamsReviewBot.Workflows.InformationRequests.IRequestsSentFollower>().OfType<MeetingWithRequests>().Single();
        await follower.AfterRequestsSentAsync(state.CaseCode, CancellationToken.None);
        Assert.Empty(ToldAboutTheMeeting(state.CaseCode));

        await cases.ExecuteAsync(state.CaseCode, (r, s, now) => r.RequestInformation(s, ["Example Primary School"], Manager, now), CancellationToken.None);
        await follower.AfterRequestsSentAsync(state.CaseCode, CancellationToken.None);
        await follower.AfterRequestsSentAsync(state.CaseCode, CancellationToken.None);

        var told = Assert.Single(ToldAboutTheMeeting(state.CaseCode));
        Assert.Contains("every statutory partner has someone free", told, StringComparison.Ordinal);
        Assert.Contains($"Type \"meeting {state.CaseCode}\" to choose one and send the invitation.", told, StringComparison.Ordinal);
        // Proposed, not booked: the business manager picks the time.
        Assert.Empty(await EventsAsync());
        Assert.Single(await cases.HistoryAsync(state.CaseCode, CancellationToken.None), e => e.Type == CaseEventTypes.BusinessManagersNotified && e.Data.Contains(MeetingWithRequests.NotificationId(state.CaseCode), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Where_the_seed_sets_the_meeting_later_nothing_is_proposed_when_the_requests_go_out()
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await GoingToRapidReviewAsync(cases, "oldham");
        await cases.ExecuteAsync(state.CaseCode, (r, s, now) => r.RequestInformation(s, ["Example Primary School"], Manager, now), CancellationToken.None);

        await _bot.Services.GetServices<TeamsReviewBot.Workflows.InformationRequests.IRequestsSentFollower>().OfType<MeetingWithRequests>().Single().AfterRequestsSentAsync(state.CaseCode, CancellationToken.None);

        Assert.Empty(ToldAboutTheMeeting(state.CaseCode));
        Assert.DoesNotContain(await cases.HistoryAsync(state.CaseCode, CancellationToken.None), e => e.Type == CaseEventTypes.BusinessManagersNotified);
    }

    private List<string> ToldAboutTheMeeting(string caseCode) =>
        [.. _connector.Calls.Where(c => c.Method == "POST" && c.Text.Contains(caseCode, StringComparison.Ordinal) && c.Text.Contains("the information requests have gone out", StringComparison.Ordinal)).Select(c => c.Text)];

    [Fact]
    public async Task A_crash_after_Graph_made_the_event_is_reconciled_by_the_next_click_without_a_second_event()
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await GoingToRapidReviewAsync(cases, "oldham");
        var playbook = cases.Playbooks.Get("oldham");
        var window = cases.Schedule.Timetable(playbook, state).Get("meeting");
        var start = WorkingDayCalendar.AtLondon(window.DueDate, new TimeOnly(10, 0));
        // What the first click sent reached Graph, and the bot died before recording it on the case.
        var graph = GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = _sandbox.GraphBaseUrl }, TimeProvider.System);
        var orphan = await new OnlineMeetings(graph).CreateAsync(new MeetingInvite(
            Organiser, MeetingInvitation.Subject(playbook, state.CaseCode), MeetingInvitation.BodyHtml(playbook, state.CaseCode, start), start, start.AddHours(2), [new MeetingAttendee(Ada, "Ada")], MeetingInvitation.TransactionId(state.CaseCode, 1)));
        Assert.Null((await cases.FindAsync(state.CaseCode, CancellationToken.None))!.MeetingEventId);

        await PressAsync(Activities.Ada, TestIds.AdaChat, state.CaseCode, start);

        Assert.Single(await EventsAsync());
        var after = (await cases.FindAsync(state.CaseCode, CancellationToken.None))!;
        Assert.Equal(orphan.EventId, after.MeetingEventId);
        Assert.Equal(orphan.JoinUrl, after.MeetingJoinUrl);
        Assert.Equal(start, after.MeetingAt);
    }

    [Fact]
    public async Task Moving_updates_the_same_event_cancelling_cancels_it_and_booking_again_makes_a_new_one()
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await GoingToRapidReviewAsync(cases, "oldham");
        var playbook = cases.Playbooks.Get("oldham");
        var window = cases.Schedule.Timetable(playbook, state).Get("meeting");
        var booked = WorkingDayCalendar.AtLondon(window.DueDate, new TimeOnly(10, 0));
        var movedTo = WorkingDayCalendar.AtLondon(window.EarliestDate!.Value, new TimeOnly(13, 30));
        await PressAsync(Activities.Ada, TestIds.AdaChat, state.CaseCode, booked);

        var moved = await AskAsync(Activities.Ada, $"meeting {state.CaseCode} move {window.EarliestDate:yyyy-MM-dd} 13:30 the chair is at court");

        Assert.Equal($"{state.CaseCode}: the meeting is moved to {BritishDates.DateAndTime(movedTo)}; attendees get an update to the same invitation and the deadlines follow.", moved["text"]!.GetValue<string>());
        var afterMove = Assert.Single(await EventsAsync());
        Assert.Equal(["invitation", "update"], afterMove.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(movedTo, afterMove.GetProperty("start").GetDateTimeOffset());
        var papers = cases.Schedule.Timetable(playbook, (await cases.FindAsync(state.CaseCode, CancellationToken.None))!).Get("papers");
        Assert.Equal(WorkingDays().AddWorkingDays(window.EarliestDate!.Value, -1), papers.DueDate);

        var cancelled = await AskAsync(Activities.Ada, $"meeting {state.CaseCode} cancel the family asked for a later date");
        var cancelledAgain = await AskAsync(Activities.Ada, $"meeting {state.CaseCode} cancel once more");

        Assert.Equal($"{state.CaseCode}: the meeting is cancelled and the attendees told. Type \"meeting {state.CaseCode}\" to book another.", cancelled["text"]!.GetValue<string>());
        Assert.Equal($"No meeting has been booked through the bot for case {state.CaseCode}, so there is none to cancel. Nothing was changed.", cancelledAgain["text"]!.GetValue<string>());
        var afterCancel = Assert.Single(await EventsAsync());
        Assert.True(afterCancel.GetProperty("isCancelled").GetBoolean());
        Assert.Equal(["invitation", "update", "cancellation"], afterCancel.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        var now = (await cases.FindAsync(state.CaseCode, CancellationToken.None))!;
        Assert.Null(now.MeetingAt);
        Assert.Null(now.MeetingEventId);
        var trail = await cases.HistoryAsync(state.CaseCode, CancellationToken.None);
        Assert.EndsWith("the chair is at court", CaseJson.Read<MeetingScheduled>(trail.Last(e => e.Type == CaseEventTypes.MeetingScheduled).Data).Reason, StringComparison.Ordinal);
        Assert.Equal("the family asked for a later date", CaseJson.Read<MeetingCancelled>(Assert.Single(trail, e => e.Type == CaseEventTypes.MeetingCancelled).Data).Reason);

        await PressAsync(Activities.Ada, TestIds.AdaChat, state.CaseCode, booked);

        var events = await EventsAsync();
        Assert.Equal(2, events.Length);
        Assert.Equal([$"{state.CaseCode.ToLowerInvariant()}-meeting-1", $"{state.CaseCode.ToLowerInvariant()}-meeting-2"], events.Select(e => e.GetProperty("transactionId").GetString()));
        Assert.Equal(events[1].GetProperty("id").GetString(), (await cases.FindAsync(state.CaseCode, CancellationToken.None))!.MeetingEventId);
    }

    [Theory]
    [InlineData("move 31/02/2027 10:00 chair away", "I can't read that date and time; use 20/01/2027 10:00 or 2027-01-20 10:00. Nothing was changed.")]
    [InlineData("move 2027-01-20", "Please type: meeting {0} move ‹date› ‹time› ‹reason›, for example: meeting {0} move 20/01/2027 10:00 the chair is at court. Nothing was changed.")]
    [InlineData("cancel", "Please type: meeting {0} cancel ‹reason›. Nothing was changed.")]
    [InlineData("move 2027-01-20 10:00 chair away", "No meeting has been booked through the bot for case {0}; type \"meeting {0}\" to book one. Nothing was changed.")]
    public async Task Moves_and_cancellations_that_cannot_be_done_say_why_and_change_nothing(string arguments, string expected)
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await GoingToRapidReviewAsync(cases, "oldham");

        var reply = await AskAsync(Activities.Ada, $"meeting {state.CaseCode} {arguments}");

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, state.CaseCode), reply["text"]!.GetValue<string>());
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Someone_who_is_not_a_business_manager_can_neither_see_slots_nor_book_and_nothing_is_made()
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await GoingToRapidReviewAsync(cases, "oldham");
        var start = WorkingDayCalendar.AtLondon(cases.Schedule.Timetable(cases.Playbooks.Get("oldham"), state).Get("meeting").DueDate, new TimeOnly(10, 0));

        var asked = await AskAsync(Activities.Bob, $"meeting {state.CaseCode}", "a:personal-bob");
        var pressed = await PressAsync(Activities.Bob, "a:personal-bob", state.CaseCode, start);

        Assert.Equal("Only a business manager can arrange the Rapid Review meeting. Nothing was changed.", asked["text"]!.GetValue<string>());
        Assert.StartsWith("Only a business manager can book the Rapid Review meeting.", pressed["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await EventsAsync());
        Assert.Null((await cases.FindAsync(state.CaseCode, CancellationToken.None))!.MeetingAt);
    }

    [Fact]
    public async Task A_case_not_going_to_Rapid_Review_gets_a_sentence_not_slots()
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await cases.OpenAsync("oldham", CaseRules.Referral, DateTimeOffset.UtcNow, Manager, "Referral by email.", CancellationToken.None);

        var reply = await AskAsync(Activities.Ada, $"meeting {state.CaseCode}");

        Assert.StartsWith("A meeting is scheduled only on a case going to Rapid Review", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(reply["attachments"]);
    }

    [Fact]
    public async Task The_outcome_card_records_a_review_once_and_starts_its_deadline_and_a_panel_member_is_refused()
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await GoingToRapidReviewAsync(cases, "oldham");
        var tooEarly = await AskAsync(Activities.Ada, $"meeting {state.CaseCode} outcome");
        Assert.Equal($"Case {state.CaseCode} has no meeting booked; its outcome is recorded after the meeting.", tooEarly["text"]!.GetValue<string>());

        // A meeting that has taken place: recorded as it was when booked, for an hour ago.
        var heldAt = DateTimeOffset.UtcNow.AddHours(-1);
        await cases.ExecuteAsync(state.CaseCode, (_, _, now) => [new NewEvent(CaseEventTypes.MeetingScheduled, CaseJson.Write(new MeetingScheduled(heldAt, Manager, "Meeting booked.")), now)], CancellationToken.None);
        var form = await AskAsync(Activities.Ada, $"meeting {state.CaseCode} outcome");
        Assert.Equal(MeetingCard.OutcomeVerb, form["attachments"]![0]!["content"]!["actions"]![0]!["verb"]!.GetValue<string>());
        var pressed = new JsonObject
        {
            [MeetingCard.CaseCodeField] = state.CaseCode,
            [MeetingCard.LearningInput] = "Health visiting and school nursing did not share the move of address.",
            [MeetingCard.ReviewInput] = ReviewRecommendations.Yes,
            [MeetingCard.LeadReviewerInput] = "A. Reviewer",
        };

        var refused = await (await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Bob, "a:personal-bob", "4001", MeetingCard.OutcomeVerb, pressed))).BodyAsync();
        var recorded = await (await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, TestIds.AdaChat, "4001", MeetingCard.OutcomeVerb, pressed))).BodyAsync();
        var repeated = await (await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, Activities.Ada, TestIds.AdaChat, "4001", MeetingCard.OutcomeVerb, pressed))).BodyAsync();

        Assert.StartsWith("Only the chair or a business manager can record the meeting's outcome.", refused["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"{state.CaseCode}: the meeting's outcome is recorded (practice review recommended: yes). The review's deadlines now run; \"timetable {state.CaseCode}\" shows them.", recorded["value"]!.GetValue<string>());
        Assert.Equal($"The meeting's outcome for case {state.CaseCode} is already recorded. Nothing was recorded.", repeated["value"]!.GetValue<string>());
        var after = (await cases.FindAsync(state.CaseCode, CancellationToken.None))!;
        Assert.True(after.ReviewDecided);
        Assert.Single(await cases.HistoryAsync(state.CaseCode, CancellationToken.None), e => e.Type == CaseEventTypes.MeetingOutcomeRecorded);
        var lcspr = cases.Schedule.Deadlines(cases.Playbooks.Get("oldham"), after, DateTimeOffset.UtcNow).Single(d => d.Entry.Key == "lcspr");
        Assert.Equal(DeadlineStatus.Due, lcspr.Status);
    }

    private static WorkingDayCalendar WorkingDays() => WorkingDayCalendar.Default;

    private static async Task<CaseState> GoingToRapidReviewAsync(CaseService cases, string partnership)
    {
        var state = await cases.OpenAsync(partnership, CaseRules.Referral, DateTimeOffset.UtcNow, Manager, "Referral by email.", CancellationToken.None);
        state = await cases.ExecuteAsync(state.CaseCode, (r, s, now) => r.PutToPanel(s, Manager, now), CancellationToken.None);
        foreach (var seat in cases.Playbooks.Get(partnership).Seats.Where(s => s.Votes))
        {
            if (state.Stage == CaseStage.AwaitingDecision)
            {
                var member = new Actor("00000000-0000-0000-0000-0000000000" + (seat.Partner.Length % 90).ToString("00", System.Globalization.CultureInfo.InvariantCulture), "Member for " + seat.Partner, Roles.PanelMember, seat.Partner);
                state = await cases.ExecuteAsync(state.CaseCode, (r, s, now) => r.CastVote(s, seat.Key, "rapid-review", "Serious harm and suspected neglect.", member, false, now), CancellationToken.None);
            }
        }

        Assert.Equal(CaseStage.RapidReview, state.Stage);
        return state;
    }

    private async Task SetBusyAsync(string address, params object[] blocks)
    {
        using var response = await _sandbox.Control.PutAsJsonAsync(new Uri($"sandbox/calendars/{address}/busy", UriKind.Relative), blocks);
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement[]> EventsAsync() =>
        (await _sandbox.Control.GetFromJsonAsync<JsonElement[]>(new Uri($"sandbox/calendars/{Organiser}/events", UriKind.Relative)))!;

    private async Task<JsonNode> AskAsync(JsonObject user, string text, string chatId = TestIds.AdaChat)
    {
        var message = Activities.PersonalMessage(_connector.ServiceUrl, user, text, chatId);
        var id = message["id"]!.GetValue<string>();
        await _client.PostAsync(message);
        var calls = await _connector.WaitForAsync(c => c.Any(x => x.Method == "POST" && x.Path.Contains(id, StringComparison.Ordinal)));
        return calls.Last(x => x.Method == "POST" && x.Path.Contains(id, StringComparison.Ordinal)).Body!;
    }

    private async Task<JsonObject> PressAsync(JsonObject user, string chatId, string caseCode, DateTimeOffset start) =>
        await (await _client.PostAsync(Activities.Execute(_connector.ServiceUrl, user, chatId, "3001", MeetingCard.BookVerb, new JsonObject
        {
            [MeetingCard.CaseCodeField] = caseCode,
            [MeetingCard.StartField] = start.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        }))).BodyAsync();
}
