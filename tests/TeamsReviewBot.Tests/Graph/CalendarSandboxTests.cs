using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Graph.Models.ODataErrors;
using TeamsReviewBot.GraphIntegration.Calendar;
using TeamsReviewBot.GraphIntegration.Client;

namespace TeamsReviewBot.Tests.Graph;

/// <summary>Free/busy and Teams meeting events through the real Microsoft.Graph SDK against the sandbox.</summary>
public sealed class CalendarSandboxTests
{
    private const string Organiser = "rapid.reviews@partnership.example";
    private static readonly DateTimeOffset Monday = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static Microsoft.Graph.GraphServiceClient Graph(SandboxHost sandbox) =>
        GraphClientBuilder.Create(new GraphConnection { UseSandbox = true, BaseUrl = sandbox.GraphBaseUrl }, TimeProvider.System);

    private static async Task SetBusyAsync(SandboxHost sandbox, string address, params object[] blocks)
    {
        using var response = await sandbox.Control.PutAsJsonAsync(new Uri($"sandbox/calendars/{address}/busy", UriKind.Relative), blocks);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement[]> EventsAsync(SandboxHost sandbox) =>
        (await sandbox.Control.GetFromJsonAsync<JsonElement[]>(new Uri($"sandbox/calendars/{Organiser}/events", UriKind.Relative)))!;

    private static MeetingInvite Invite(string transactionId) => new(
        Organiser,
        "Rapid Review meeting: RR-OLD-2027-0003",
        "<p>Agenda</p>",
        Monday.AddDays(1),
        Monday.AddDays(1).AddHours(2),
        [new MeetingAttendee("la.lead@partnership.example", "LA lead"), new MeetingAttendee("school@elsewhere.example", "School")],
        transactionId);

    [Fact]
    public async Task GetSchedule_returns_busy_blocks_for_people_in_the_tenant_and_unknown_for_others()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await SetBusyAsync(sandbox, "la.lead@partnership.example", new { start = Monday.AddHours(1), end = Monday.AddHours(2), status = "busy" }, new { start = Monday.AddHours(5), end = Monday.AddHours(6), status = "free" });
        await SetBusyAsync(sandbox, "police.lead@partnership.example");

        var answers = await new FreeBusyReader(Graph(sandbox)).ReadAsync(Organiser, ["la.lead@partnership.example", "police.lead@partnership.example", "school@elsewhere.example"], Monday, Monday.AddHours(8));

        var busy = Assert.Single(answers[0].Busy!);
        Assert.Equal((Monday.AddHours(1), Monday.AddHours(2)), (busy.Start, busy.End));
        Assert.Empty(answers[1].Busy!);
        Assert.False(answers[2].IsKnown);
        Assert.Equal("ErrorMailRecipientNotFound", answers[2].Unknown);
    }

    [Fact]
    public async Task A_Teams_meeting_is_created_once_with_a_join_link_even_when_the_create_is_retried()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var meetings = new OnlineMeetings(Graph(sandbox));

        var first = await meetings.CreateAsync(Invite("rr-old-2027-0003-meeting"));
        var retried = await meetings.CreateAsync(Invite("rr-old-2027-0003-meeting"));

        Assert.Equal(first.EventId, retried.EventId);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", first.JoinUrl, StringComparison.Ordinal);
        Assert.Equal(["la.lead@partnership.example", "school@elsewhere.example"], first.Attendees);
        var stored = Assert.Single(await EventsAsync(sandbox));
        Assert.Equal(["invitation"], stored.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task Moving_updates_the_same_event_and_cancelling_cancels_it()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var meetings = new OnlineMeetings(Graph(sandbox));
        var booked = await meetings.CreateAsync(Invite("rr-old-2027-0004-meeting"));

        var moved = await meetings.MoveAsync(Organiser, booked.EventId, Monday.AddDays(2), Monday.AddDays(2).AddHours(2));
        await meetings.CancelAsync(Organiser, booked.EventId, "The family asked for a later date.");
        var afterwards = await meetings.GetAsync(Organiser, booked.EventId);
        var again = await Assert.ThrowsAsync<ODataError>(() => meetings.CancelAsync(Organiser, booked.EventId, "twice"));

        Assert.Equal(booked.EventId, moved.EventId);
        Assert.Equal(Monday.AddDays(2), moved.Start);
        Assert.True(afterwards!.IsCancelled);
        Assert.Equal(400, again.ResponseStatusCode);
        var stored = Assert.Single(await EventsAsync(sandbox));
        Assert.Equal(["invitation", "update", "cancellation"], stored.GetProperty("notices").EnumerateArray().Select(n => n.GetString()));
        Assert.Null(await meetings.GetAsync(Organiser, "AAMkAGNoSuchEvent"));
    }
}
