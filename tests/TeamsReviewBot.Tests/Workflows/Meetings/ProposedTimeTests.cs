using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Cards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.Meetings.MeetingResponsesTests;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Meetings;

/// <summary>
/// An invitee proposes a new time for the booked meeting (Outlook's "propose new time", on the
/// organiser's event in the Graph sandbox): the business manager's meeting card shows who proposed
/// what, in London time, how many of those invited are free then and whether it is inside the
/// playbook's window, with a button that moves the same calendar event there. Through the whole bot
/// on Kestrel and the real Microsoft.Graph SDK, on the bot's fake clock.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ProposedTimeTests(AzuriteFixture azurite)
{
    private const string BeaEmail = "bea@example.gov.uk";
    private const string LolaEmail = "lola@council.example";
    private const string PatEmail = "pat@police.example";
    private const string HanaEmail = "hana@icb.example";

    [Fact]
    public async Task A_business_manager_moves_the_meeting_to_a_time_an_invitee_proposed_once_and_others_are_refused()
    {
        await using var bot = await StartAsync("oldham", azurite);
        var (code, start) = await BookedAsync(bot, "oldham");
        var eventId = (await CaseAsync(bot, code)).MeetingEventId!;
        var proposed = start.AddHours(4); // 2 pm on the window's last day

        // Everyone is in the tenant; the police lead is busy when Hana proposes.
        await BusyAsync(bot, BeaEmail);
        await BusyAsync(bot, LolaEmail);
        await BusyAsync(bot, HanaEmail);
        await BusyAsync(bot, PatEmail, new { start = proposed, end = proposed.AddHours(1), status = "busy" });
        await AnswerAsync(bot, eventId, HanaEmail, "tentativelyAccepted", proposed, proposed.AddHours(1));
        await SettleAsync(bot, code, s => s.MeetingResponses.ContainsKey(HanaEmail), "Hana's proposal");

        var card = await MeetingCardAsync(bot, code, "New times proposed");
        var words = PanelBot.Words(card);
        Assert.Contains($"Hana Brook proposes | {BritishDates.DateAndTime(proposed)}: 3 of 4 invited free, nobody free for the police; inside the playbook's window", words, StringComparison.Ordinal);
        var button = Assert.Single(card["actions"]!.AsArray(), a => a!["verb"]?.GetValue<string>() == MeetingCard.MoveToProposedVerb)!;
        Assert.Equal("Move the meeting to this time", button["title"]!.GetValue<string>());
        Assert.DoesNotContain(PanelBot.ChildName, card.ToJsonString(), StringComparison.Ordinal);
        var data = button["data"]!.AsObject();

        // A statutory lead presses the card forwarded to them: refused, audited, nothing moved.
        var refused = await bot.InvokeAsync(Pat, MeetingCard.MoveToProposedVerb, data, conversationId: "a:chat-" + Pat.TeamsId);
        Assert.Equal("Only a business manager can move the Rapid Review meeting. Nothing was recorded.", refused["value"]!.GetValue<string>());
        var audited = await bot.Services.GetRequiredService<RefusalAudit>().ListAsync(bot.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Single(audited, row => row.GetString("Action") == "card:" + MeetingCard.MoveToProposedVerb && row.GetString("ActorAadObjectId") == Pat.AadObjectId);
        Assert.Equal(start, (await EventAsync(bot, eventId)).GetProperty("start").GetDateTimeOffset());

        // The business manager presses: the same event moves, the attendees are updated, the case records who proposed it.
        var moved = await bot.InvokeAsync(Bea, MeetingCard.MoveToProposedVerb, data, conversationId: "a:chat-" + Bea.TeamsId);
        Assert.Equal(AdaptiveCard.ContentType, moved["type"]!.GetValue<string>());
        var movedWords = PanelBot.Words(moved["value"]);
        Assert.Contains($"The meeting for {code} is moved to {BritishDates.DateAndTime(proposed)}, as Hana Brook proposed.", movedWords, StringComparison.Ordinal);
        Assert.Contains($"When | {BritishDates.DateAndTime(proposed)}", movedWords, StringComparison.Ordinal);
        Assert.DoesNotContain("New times proposed", movedWords, StringComparison.Ordinal);
        var calendarEvent = await EventAsync(bot, eventId);
        Assert.Equal(proposed, calendarEvent.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(["invitation", "update"], calendarEvent.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        Assert.Single(await EventsAsync(bot));
        Assert.Equal(proposed, (await CaseAsync(bot, code)).MeetingAt);
        var trail = AuditTrail.Render(bot.Services.GetRequiredService<CaseService>().Playbooks.Get("oldham"), await bot.StreamAsync(code));
        Assert.Contains(trail, line => line.Contains($"Meeting moved from {BritishDates.DateAndTime(start)} to {BritishDates.DateAndTime(proposed)}. Proposed by Hana Brook.", StringComparison.Ordinal) && line.Contains("Bea Manning", StringComparison.Ordinal));

        // Pressed again: nothing more happens, and the card says why.
        var again = await bot.InvokeAsync(Bea, MeetingCard.MoveToProposedVerb, data, conversationId: "a:chat-" + Bea.TeamsId);
        Assert.Contains($"The meeting for {code} is already at {BritishDates.DateAndTime(proposed)} (set by Bea Manning on ", PanelBot.Words(again["value"]), StringComparison.Ordinal);
        Assert.Equal(2, (await bot.EventsAsync<MeetingScheduled>(code, CaseEventTypes.MeetingScheduled)).Count);
        Assert.Equal(2, (await EventAsync(bot, eventId)).GetProperty("notices").GetArrayLength());
    }

    [Fact]
    public async Task A_proposed_time_outside_the_window_asks_for_a_reason_and_a_card_shown_before_another_move_says_so()
    {
        await using var bot = await StartAsync("oldham", azurite);
        var (code, start) = await BookedAsync(bot, "oldham");
        var eventId = (await CaseAsync(bot, code)).MeetingEventId!;
        var proposed = start.AddDays(7); // a week after the window's last day
        foreach (var address in new[] { BeaEmail, LolaEmail, HanaEmail, PatEmail })
        {
            await BusyAsync(bot, address);
        }

        await AnswerAsync(bot, eventId, PatEmail, "declined", proposed, proposed.AddHours(2));
        await SettleAsync(bot, code, s => s.MeetingResponses.ContainsKey(PatEmail), "Pat's proposal");
        var card = await MeetingCardAsync(bot, code, "New times proposed");
        var words = PanelBot.Words(card);
        Assert.Contains($"Pat Okafor proposes | {BritishDates.DateAndTime(proposed)}: 4 of 4 invited free; outside the playbook's window (the playbook's meeting window is ", words, StringComparison.Ordinal);
        Assert.Contains("Reason for moving the meeting outside the playbook's window", words, StringComparison.Ordinal);
        var data = Assert.Single(card["actions"]!.AsArray(), a => a!["verb"]?.GetValue<string>() == MeetingCard.MoveToProposedVerb)!["data"]!.AsObject();

        // No reason: asked for one, nothing moves.
        var asked = await bot.InvokeAsync(Bea, MeetingCard.MoveToProposedVerb, data, conversationId: "a:chat-" + Bea.TeamsId);
        Assert.Contains($"{BritishDates.DateAndTime(proposed)} is outside the playbook's meeting window", PanelBot.Words(asked["value"]), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", PanelBot.Words(asked["value"]), StringComparison.Ordinal);
        Assert.Equal(start, (await EventAsync(bot, eventId)).GetProperty("start").GetDateTimeOffset());

        // Meanwhile the meeting is moved by the command; the card shown before then moves nothing.
        var elsewhere = start.AddHours(1);
        await bot.SayAsync(Bea, $"meeting {code} move {WorkingDayCalendar.LondonDate(elsewhere):yyyy-MM-dd} 11:00 the chair is at court at 10");
        await bot.Teams.WaitForCallAsync(c => c.Text.Contains("the meeting is moved to", StringComparison.Ordinal), "the move by command");
        var withReason = (JsonObject)data.DeepClone();
        withReason[MeetingCard.MoveReasonInput] = "The police lead is on leave all of that week.";
        var stale = await bot.InvokeAsync(Bea, MeetingCard.MoveToProposedVerb, withReason, conversationId: "a:chat-" + Bea.TeamsId);
        var staleWords = PanelBot.Words(stale["value"]);
        Assert.Contains($"Since that card was shown the meeting for {code} was moved to {BritishDates.DateAndTime(elsewhere)} (set by Bea Manning on ", staleWords, StringComparison.Ordinal);
        Assert.Contains("so it was not moved again", staleWords, StringComparison.Ordinal);
        Assert.Equal(elsewhere, (await EventAsync(bot, eventId)).GetProperty("start").GetDateTimeOffset());

        // The refreshed card's button, with a reason: moved there, the reason kept.
        var fresh = Assert.Single(stale["value"]!["actions"]!.AsArray(), a => a!["verb"]?.GetValue<string>() == MeetingCard.MoveToProposedVerb)!["data"]!.AsObject();
        fresh[MeetingCard.MoveReasonInput] = "The police lead is on leave all of that week.";
        var moved = await bot.InvokeAsync(Bea, MeetingCard.MoveToProposedVerb, fresh, conversationId: "a:chat-" + Bea.TeamsId);
        Assert.Contains($"moved to {BritishDates.DateAndTime(proposed)}, as Pat Okafor proposed", PanelBot.Words(moved["value"]), StringComparison.Ordinal);
        Assert.Equal(proposed, (await EventAsync(bot, eventId)).GetProperty("start").GetDateTimeOffset());
        var reasons = (await bot.EventsAsync<MeetingScheduled>(code, CaseEventTypes.MeetingScheduled)).Select(e => e.Reason).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.Contains("Proposed by Pat Okafor. Outside the playbook's window (the playbook's meeting window is ", reasons[2], StringComparison.Ordinal);
        Assert.EndsWith("): The police lead is on leave all of that week.", reasons[2], StringComparison.Ordinal);
    }

    private static async Task<JsonObject> MeetingCardAsync(PanelBot bot, string code, string containing)
    {
        await bot.SayAsync(Bea, $"meeting {code}");
        var call = await bot.Teams.WaitForCallAsync(c => c.Card?.ToJsonString() is { } json && json.Contains(containing, StringComparison.Ordinal) && json.Contains(code, StringComparison.Ordinal), "the meeting card");
        return call.Card!.AsObject();
    }

    private static async Task BusyAsync(PanelBot bot, string address, params object[] blocks)
    {
        using var response = await bot.Graph.Control.PutAsJsonAsync(new Uri($"sandbox/calendars/{address}/busy", UriKind.Relative), blocks);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement[]> EventsAsync(PanelBot bot) =>
        (await bot.Graph.Control.GetFromJsonAsync<JsonElement[]>(new Uri($"sandbox/calendars/{Organiser}/events", UriKind.Relative)))!;

    private static async Task<JsonElement> EventAsync(PanelBot bot, string eventId) =>
        (await EventsAsync(bot)).Single(e => e.GetProperty("id").GetString() == eventId);
}
