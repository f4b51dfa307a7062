using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Meetings;

/// <summary>
/// Salford's decision makers' sign-off slot (seed-002 §7 L332: "a time in the Decision Makers (the three
/// statutory partners and independent advisor) diary after the case discussion meeting to sign off the
/// report"), through the whole bot with a fixed clock and the Teams meeting in the Graph sandbox (real
/// Microsoft.Graph SDK): booked once with the meeting for the four who sign, at the first time after the
/// meeting when the most of them are free, moved with the meeting and cancelled with it. A partnership
/// whose seed asks for no slot gets none.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignOffSlotTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Organiser = "rapid.reviews@example.gov.uk";
    private static readonly Actor Manager = new(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, "partnership business unit");

    // Salford's virtual panel and the three statutory leads; Bea (0), Ian (1), Lola (4), Pat (6) and Hana (7) have addresses.
    private static readonly IReadOnlyList<Person> People = [Bea, Ian, Chloe, Dana, Lola, Vic, Pat, Hana];
    private static readonly string[] DecisionMakers = ["ian@example.gov.uk", "lola@council.example", "pat@police.example", "hana@icb.example"];

    private PanelBot _bot = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Salford_books_the_decision_makers_slot_once_after_the_meeting_when_the_most_of_them_are_free()
    {
        await StartAsync("salford");
        var code = await RapidReviewAsync("salford");
        var meetingAt = await MeetingTimeAsync(code, "salford");
        // The police lead is busy for the rest of the meeting's day: the slot goes to the next working day's start.
        var calendar = WorkingDayCalendar.Default;
        var meetingDay = WorkingDayCalendar.LondonDate(meetingAt);
        await BusyAsync("pat@police.example", meetingAt, WorkingDayCalendar.AtLondon(meetingDay.AddDays(1), TimeOnly.MinValue));
        foreach (var free in DecisionMakers.Where(a => a != "pat@police.example"))
        {
            await BusyAsync(free);
        }

        await BookAsync(code, meetingAt);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow());
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var slot = Assert.Single(await SlotEventsAsync());
        var expectedStart = WorkingDayCalendar.AtLondon(calendar.NextWorkingDay(meetingDay), new TimeOnly(9, 0));
        Assert.Equal(expectedStart, slot.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(expectedStart.AddHours(1), slot.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(DecisionMakers.Order(StringComparer.Ordinal), slot.GetProperty("attendees").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal($"Rapid Review sign-off – {code}", slot.GetProperty("subject").GetString());
        Assert.Equal(["invitation"], slot.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        Assert.DoesNotContain(PanelBot.ChildName, slot.GetRawText(), StringComparison.Ordinal);

        var state = await _bot.CaseAsync(code);
        Assert.Equal(slot.GetProperty("id").GetString(), state.SignOffSlot!.EventId);
        Assert.Equal(meetingAt, state.SignOffSlot.MeetingAt);
        Assert.Equal((4, 4), (state.SignOffSlot.Free, state.SignOffSlot.Invited));
        var signOffDue = _bot.Services.GetRequiredService<CaseService>().Schedule.Timetable(Playbook("salford"), state).Get("sign-off").DueDate;
        Assert.True(WorkingDayCalendar.LondonDate(expectedStart) <= signOffDue);

        // Firing again, or a press of the same slot again, books nothing more.
        await BookAsync(code, meetingAt);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(2));
        Assert.Single(await SlotEventsAsync());
        Assert.Single(await _bot.EventsAsync<SignOffSlotBooked>(code, CaseEventTypes.SignOffSlotBooked));

        await _bot.SayAsync(Bea, $"timetable {code}");
        await _bot.WaitForPersonalAsync(Bea, $"The decision makers' sign-off slot is booked for {BritishDates.DateAndTime(expectedStart)} (4 of 4 known to be free then).");
    }

    [Fact]
    public async Task The_slot_moves_with_the_meeting_and_is_cancelled_with_it()
    {
        await StartAsync("salford");
        var code = await RapidReviewAsync("salford");
        var meetingAt = await MeetingTimeAsync(code, "salford");
        foreach (var address in DecisionMakers)
        {
            await BusyAsync(address);
        }

        await BookAsync(code, meetingAt);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow());
        var booked = Assert.Single(await SlotEventsAsync());
        // Everyone free: straight after the two-hour meeting.
        Assert.Equal(meetingAt.AddHours(2), booked.GetProperty("start").GetDateTimeOffset());

        var movedTo = meetingAt.AddHours(3);
        await _bot.SayAsync(Bea, $"meeting {code} move {WorkingDayCalendar.LondonDate(movedTo):yyyy-MM-dd} {WorkingDayCalendar.ToLondon(movedTo):HH:mm} the chair is at court");
        await _bot.WaitForPersonalAsync(Bea, "the meeting is moved to");
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var moved = Assert.Single(await SlotEventsAsync());
        Assert.Equal(booked.GetProperty("id").GetString(), moved.GetProperty("id").GetString());
        Assert.Equal(movedTo.AddHours(2), moved.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(["invitation", "update"], moved.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(movedTo, (await _bot.CaseAsync(code)).SignOffSlot!.MeetingAt);

        await _bot.SayAsync(Bea, $"meeting {code} cancel the family asked for a later date");
        await _bot.WaitForPersonalAsync(Bea, "the meeting is cancelled");
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(2));

        var cancelled = Assert.Single(await SlotEventsAsync());
        Assert.True(cancelled.GetProperty("isCancelled").GetBoolean());
        Assert.Equal(["invitation", "update", "cancellation"], cancelled.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        var state = await _bot.CaseAsync(code);
        Assert.Null(state.SignOffSlot);
        Assert.Equal(1, state.SignOffSlotCancellations);

        // The next booking brings a new slot, not the cancelled one back.
        await BookAsync(code, meetingAt);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(3));
        var slots = await SlotEventsAsync();
        Assert.Equal([$"{code.ToLowerInvariant()}-sign-off-1", $"{code.ToLowerInvariant()}-sign-off-2"], slots.Select(e => e.GetProperty("transactionId").GetString()));
        Assert.False(slots[1].GetProperty("isCancelled").GetBoolean());
    }

    [Fact]
    public async Task A_partnership_whose_seed_asks_for_no_slot_books_only_the_meeting()
    {
        await StartAsync("oldham", [Bea, Lola, Pat, Hana, Dev, Vic]);
        var code = await RapidReviewAsync("oldham");
        var meetingAt = await MeetingTimeAsync(code, "oldham");

        await BookAsync(code, meetingAt);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var only = Assert.Single(await EventsAsync());
        Assert.Contains("-meeting-", only.GetProperty("transactionId").GetString(), StringComparison.Ordinal);
        Assert.Null((await _bot.CaseAsync(code)).SignOffSlot);
    }

    private async Task StartAsync(string partnership, IReadOnlyList<Person>? people = null)
    {
        people ??= People;
        var settings = new Dictionary<string, string?> { ["Meeting:Organiser"] = Organiser, ["Timers:PollInterval"] = "01:00:00" };
        for (var i = 0; i < people.Count; i++)
        {
            if (Address(people[i]) is { } address)
            {
                settings[$"Partnership:People:{i}:Email"] = address;
            }
        }

        _bot = await PanelBot.StartAsync(azurite, partnership, people, settings);
        await _bot.PersonalInstallAsync(Bea);
    }

    private static string? Address(Person person) => person.Name switch
    {
        "Bea Manning" => "bea@example.gov.uk",
        "Ian Adebayo" => "ian@example.gov.uk",
        "Lola Adeyemi" => "lola@council.example",
        "Pat Okafor" => "pat@police.example",
        "Hana Brook" => "hana@icb.example",
        _ => null,
    };

    private Playbook Playbook(string partnership) => _bot.Services.GetRequiredService<CaseService>().Playbooks.Get(partnership);

    private async Task<string> RapidReviewAsync(string partnership)
    {
        var code = await _bot.ReferAsync(Bea);
        var cases = _bot.Services.GetRequiredService<CaseService>();
        await cases.ExecuteAsync(code, (r, s, n) => s.Stage == CaseStage.Referred ? r.PutToPanel(s, Manager, n) : [], CancellationToken.None);
        if (partnership == "salford")
        {
            await cases.ExecuteAsync(code, (r, s, n) => r.BusinessManagerDecides(s, "rapid-review", "Plainly meets the criteria.", Manager, n), CancellationToken.None);
        }
        else
        {
            foreach (var lead in new[] { Lola, Pat, Hana })
            {
                await _bot.VoteAsync(lead, code, "rapid-review", "Serious harm; neglect suspected.");
            }
        }

        Assert.Equal(OutcomeKind.RapidReview, (await _bot.CaseAsync(code)).OutcomeKind);
        return code;
    }

    /// <summary>10:00 on the last day of the playbook's meeting window.</summary>
    private async Task<DateTimeOffset> MeetingTimeAsync(string code, string partnership)
    {
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await _bot.CaseAsync(code);
        var playbook = cases.Playbooks.Get(partnership);
        var window = cases.Schedule.Timetable(playbook, state).Get(playbook.Meeting.Deadline);
        return WorkingDayCalendar.AtLondon(window.DueDate, new TimeOnly(10, 0));
    }

    private async Task BookAsync(string code, DateTimeOffset start)
    {
        var booked = await _bot.InvokeAsync(Bea, MeetingCard.BookVerb, new JsonObject
        {
            [MeetingCard.CaseCodeField] = code,
            [MeetingCard.StartField] = start.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        }, conversationId: "a:chat-" + Bea.TeamsId);
        Assert.Contains("Meeting booked", PanelBot.Words(booked), StringComparison.Ordinal);
    }

    private async Task BusyAsync(string address, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        object[] blocks = from is { } start ? [new { start, end = to!.Value, status = "busy" }] : [];
        using var response = await _bot.Graph.Control.PutAsJsonAsync(new Uri($"sandbox/calendars/{address}/busy", UriKind.Relative), blocks);
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement[]> EventsAsync() =>
        (await _bot.Graph.Control.GetFromJsonAsync<JsonElement[]>(new Uri($"sandbox/calendars/{Organiser}/events", UriKind.Relative)))!;

    private async Task<List<JsonElement>> SlotEventsAsync() =>
        [.. (await EventsAsync()).Where(e => e.GetProperty("transactionId").GetString()!.Contains("-sign-off-", StringComparison.Ordinal))];
}
