using System.Net.Http.Json;
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
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Meetings;

/// <summary>
/// Oldham's meeting through the whole bot, with the thread in the panel channel, the Teams meeting and
/// the partnership mailbox in the Graph sandbox (real Microsoft.Graph SDK) and a fixed clock: the
/// thread's card shows the booked meeting and its link, and after a cancellation says so; the papers
/// go once, at the start of the working day before the meeting (seed-000 §5: "at least one day prior
/// to the Rapid Review Panel meeting"), to everyone invited, and not at all for a cancelled meeting.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class MeetingThreadAndPapersTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Organiser = "rapid.reviews@example.gov.uk";
    private static readonly string[] Invited = ["bea@example.gov.uk", "lola@council.example", "pat@police.example", "hana@icb.example"];
    private const string HealthDeputy = "dev@icb.example";

    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Meeting:Organiser"] = Organiser };
        for (var i = 0; i < Invited.Length; i++)
        {
            settings[$"Partnership:People:{i}:Email"] = Invited[i];
        }

        // Dev Shah (StatutoryPanel[4]) is health's deputy: not invited, named when health is missing.
        settings["Partnership:People:4:Email"] = HealthDeputy;
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, settings);
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_thread_card_shows_the_booked_meeting_and_the_papers_go_once_the_working_day_before()
    {
        var (code, start) = await DecidedAndBookedAsync();
        var state = await CaseStateAsync(code);

        var card = (await _bot.SharedCardAsync(code, json => json.Contains("Join the meeting", StringComparison.Ordinal), "the thread card with the meeting")).Card!.ToJsonString();
        Assert.Contains(state.MeetingJoinUrl!, card, StringComparison.Ordinal);
        Assert.Contains(BritishDates.DateAndTime(start), card, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, card, StringComparison.Ordinal);

        var playbook = Cases.Playbooks.Get("oldham");
        var dayBefore = WorkingDayCalendar.Default.AddWorkingDays(WorkingDayCalendar.LondonDate(start), -1);
        var sendAt = WorkingDayCalendar.AtLondon(dayBefore, playbook.Clock.WorkingDayStarts);
        var timer = await Timers.FindAsync(MeetingPapers.TimerId(code));
        Assert.Equal(sendAt, timer!.DueAt);

        await _bot.JumpAndFireTimersAsync(sendAt.AddMinutes(-1));
        Assert.Empty(await PapersAsync(code));

        await _bot.JumpAndFireTimersAsync(sendAt);
        var papers = await _bot.WaitForSentMailAsync($"Papers – Rapid Review meeting – {code}");
        Assert.Equal(Invited.Order(StringComparer.Ordinal), papers.GetProperty("to").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
        var body = papers.GetProperty("body").GetString()!;
        Assert.Contains(state.MeetingJoinUrl!, body, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, papers.GetProperty("subject").GetString()! + body, StringComparison.Ordinal);

        // The timer fires again (at least once is its promise): nothing more is sent or recorded.
        await _bot.Services.GetRequiredService<MeetingPapersSender>().SendIfDueAsync(code, CancellationToken.None);
        Assert.Single(await PapersAsync(code));
        var recorded = Assert.Single(await _bot.EventsAsync<MeetingPapersSent>(code, CaseEventTypes.MeetingPapersSent));
        Assert.False(recorded.Updated);
        Assert.Equal(4, recorded.Recipients.Count);
        Assert.True((await CaseStateAsync(code)).CompletedSteps.ContainsKey(MeetingPapers.DeadlineKey));
        var trail = AuditTrail.Render(playbook, await Cases.HistoryAsync(code, CancellationToken.None));
        Assert.Contains(trail, line => line.Contains("sent the meeting papers", StringComparison.Ordinal) && line.Contains("to 4 attendees", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_meeting_gets_no_papers_and_its_thread_card_says_it_was_cancelled()
    {
        var (code, start) = await DecidedAndBookedAsync();
        await _bot.Services.GetRequiredService<MeetingService>().CancelAsync(code, new Actor(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null), "the family asked for a later date", CancellationToken.None);

        var card = (await _bot.SharedCardAsync(code, json => json.Contains("The meeting was cancelled", StringComparison.Ordinal), "the thread card after the cancellation")).Card!.ToJsonString();
        Assert.DoesNotContain("Join the meeting", card, StringComparison.Ordinal);
        Assert.Null(await Timers.FindAsync(MeetingPapers.TimerId(code)));

        await _bot.JumpAndFireTimersAsync(start.AddHours(-2));
        Assert.Equal(PapersDue.Nothing, await _bot.Services.GetRequiredService<MeetingPapersSender>().SendIfDueAsync(code, CancellationToken.None));
        Assert.Empty(await PapersAsync(code));
        Assert.Empty(await _bot.EventsAsync<MeetingPapersSent>(code, CaseEventTypes.MeetingPapersSent));
    }

    [Fact]
    public async Task Health_declining_raises_one_quorum_warning_two_working_days_before_whose_button_invites_the_deputy_once()
    {
        var (code, start) = await DecidedAndBookedAsync();
        var state = await CaseStateAsync(code);
        await AnswerAsync(state.MeetingEventId!, "lola@council.example", "accepted");
        await AnswerAsync(state.MeetingEventId!, "pat@police.example", "tentativelyAccepted");
        await AnswerAsync(state.MeetingEventId!, "hana@icb.example", "declined");
        var checkAt = WorkingDayCalendar.AtLondon(WorkingDayCalendar.Default.AddWorkingDays(WorkingDayCalendar.LondonDate(start), -2), new TimeOnly(9, 0));
        Assert.Equal(checkAt, (await Timers.FindAsync(MeetingQuorum.TimerId(code)))!.DueAt);

        await _bot.JumpAndFireTimersAsync(checkAt);
        var again = await _bot.Services.GetRequiredService<MeetingQuorumCheck>().CheckAsync(code, CancellationToken.None);

        Assert.Equal(["health"], again);
        var warning = Assert.Single(WarningsTo(Bea));
        Assert.Contains("nobody has accepted for health", warning.Text, StringComparison.Ordinal);
        Assert.Contains("Hana Brook (declined)", warning.Text, StringComparison.Ordinal);
        Assert.Contains($"Dev Shah ({HealthDeputy})", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("the police", warning.Text, StringComparison.Ordinal);
        // One button per listed deputy of the missing partner: health's only.
        var button = Assert.Single(warning.Card!["actions"]!.AsArray());
        Assert.Equal("Invite Dev Shah", button!["title"]!.GetValue<string>());
        Assert.Equal(QuorumWarningCard.InviteVerb, button["verb"]!.GetValue<string>());
        Assert.DoesNotContain(PanelBot.ChildName, warning.Card.ToJsonString(), StringComparison.Ordinal);
        var data = button["data"]!.AsObject();

        // A statutory lead who is not a business manager presses it (the card forwarded): refused and audited.
        var refused = await _bot.InvokeAsync(Pat, QuorumWarningCard.InviteVerb, data, conversationId: "a:chat-" + Pat.TeamsId);
        Assert.Equal("Only a business manager can invite a deputy to the Rapid Review meeting. Nothing was recorded.", refused["value"]!.GetValue<string>());
        Assert.DoesNotContain(HealthDeputy, await AttendeesAsync());
        var audited = await _bot.Services.GetRequiredService<RefusalAudit>().ListAsync(_bot.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Single(audited, row => row.GetString("Action") == "card:" + QuorumWarningCard.InviteVerb && row.GetString("ActorAadObjectId") == Pat.AadObjectId);

        var invited = await _bot.InvokeAsync(Bea, QuorumWarningCard.InviteVerb, data, conversationId: "a:chat-" + Bea.TeamsId);
        var pressedAgain = await _bot.InvokeAsync(Bea, QuorumWarningCard.InviteVerb, data, conversationId: "a:chat-" + Bea.TeamsId);

        Assert.Equal($"{code}: Dev Shah is added to the meeting's invitation (the same calendar event, so Microsoft 365 sends them the invitation).", invited["value"]!.GetValue<string>());
        Assert.Equal($"{code}: Dev Shah is already on the meeting's invitation; nothing more was sent.", pressedAgain["value"]!.GetValue<string>());
        var attendees = await AttendeesAsync();
        Assert.Single(attendees, a => a == HealthDeputy);
        Assert.Equal(Invited.Length + 1, attendees.Count);
        var recorded = Assert.Single(await _bot.EventsAsync<MeetingAttendeeAdded>(code, CaseEventTypes.MeetingAttendeeAdded));
        Assert.Equal(HealthDeputy, recorded.Address);
        Assert.Equal(Bea.Name, recorded.Actor.Name);

        // Typing the same address changes nothing more.
        await _bot.SayAsync(Bea, $"meeting {code} invite {HealthDeputy}");
        await _bot.WaitForPersonalAsync(Bea, "is already on the meeting's invitation");
        Assert.Single(await _bot.EventsAsync<MeetingAttendeeAdded>(code, CaseEventTypes.MeetingAttendeeAdded));

        // Once the deputy accepts, the meeting is quorate.
        await AnswerAsync(state.MeetingEventId!, HealthDeputy, "accepted");
        Assert.Empty(await _bot.Services.GetRequiredService<MeetingQuorumCheck>().CheckAsync(code, CancellationToken.None));
    }

    [Fact]
    public async Task A_button_carrying_an_address_the_partnership_does_not_list_as_a_deputy_invites_nobody()
    {
        var (code, _) = await DecidedAndBookedAsync();

        var answer = await _bot.InvokeAsync(Bea, QuorumWarningCard.InviteVerb, new JsonObject
        {
            [QuorumWarningCard.CaseCodeField] = code,
            [QuorumWarningCard.AddressField] = "someone@elsewhere.example",
        }, conversationId: "a:chat-" + Bea.TeamsId);

        Assert.StartsWith("This button does not name a case and a deputy the partnership lists.", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Invited.Length, (await AttendeesAsync()).Count);
        Assert.Empty(await _bot.EventsAsync<MeetingAttendeeAdded>(code, CaseEventTypes.MeetingAttendeeAdded));
    }

    private List<(string Text, JsonNode? Card)> WarningsTo(Person person) =>
        [.. _bot.Teams.Calls.Where(c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && c.Method == "POST" && c.Text.Contains("is not quorate yet", StringComparison.Ordinal))
            .Select(c => (c.Text, c.Card))];

    private async Task<List<string>> AttendeesAsync() =>
        [.. (await _bot.Graph.Control.GetFromJsonAsync<System.Text.Json.JsonElement[]>(new Uri($"sandbox/calendars/{Organiser}/events", UriKind.Relative)))!
            .Single().GetProperty("attendees").EnumerateArray().Select(a => a.GetString()!)];

    private async Task AnswerAsync(string eventId, string address, string response)
    {
        using var answered = await _bot.Graph.Control.PostAsJsonAsync(new Uri($"sandbox/calendars/{Organiser}/events/{Uri.EscapeDataString(eventId)}/responses", UriKind.Relative), new { address, response });
        answered.EnsureSuccessStatusCode();
    }

    private CaseService Cases => _bot.Services.GetRequiredService<CaseService>();

    private DurableTimerStore Timers => _bot.Services.GetRequiredService<DurableTimerStore>();

    private async Task<CaseState> CaseStateAsync(string code) => (await Cases.FindAsync(code, CancellationToken.None))!;

    private async Task<List<System.Text.Json.JsonElement>> PapersAsync(string code) =>
        [.. (await _bot.Graph.SentAsync(PanelBot.Mailbox)).Where(m => m.GetProperty("subject").GetString()!.Contains($"Papers – Rapid Review meeting – {code}", StringComparison.Ordinal))];

    /// <summary>A referral the three statutory leads send to Rapid Review, and its meeting booked by
    /// the business manager pressing a slot for 10:00 on the last day of the window.</summary>
    private async Task<(string Code, DateTimeOffset Start)> DecidedAndBookedAsync()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Serious harm; neglect suspected.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees.");
        await _bot.SharedCardAsync(code, json => json.Contains("Decision: Progression to Rapid Review", StringComparison.Ordinal), "the decision card");
        var state = await CaseStateAsync(code);
        var window = Cases.Schedule.Timetable(Cases.Playbooks.Get("oldham"), state).Get("meeting");
        var start = WorkingDayCalendar.AtLondon(window.DueDate, new TimeOnly(10, 0));

        var booked = await _bot.InvokeAsync(Bea, MeetingCard.BookVerb, new JsonObject
        {
            [MeetingCard.CaseCodeField] = code,
            [MeetingCard.StartField] = start.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        }, conversationId: "a:chat-" + Bea.TeamsId);

        Assert.Contains("Meeting booked", PanelBot.Words(booked), StringComparison.Ordinal);
        return (code, start);
    }
}
