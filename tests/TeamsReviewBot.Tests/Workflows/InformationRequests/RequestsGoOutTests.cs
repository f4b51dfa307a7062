using TeamsReviewBot.Cards;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Workflows.InformationRequests.Commands;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.InformationRequests;

/// <summary>
/// When the letters leave once the business manager presses Send requests, as each procedure says.
/// West Midlands (seed-003 L173: "as early as possible to give agencies the maximum time"): a referral
/// received on Monday 11 January 2027 (Day 0) and decided that morning has its agencies chosen at 2 pm;
/// the letters go at once, and the returns, "within 5 working days" of the request (L175, L1571), are
/// due Monday 18 January, not Wednesday 20 January as they would be from Day 2. Oldham (seed-000
/// L99, L395: "Day 2 Agency Summaries Requested") keeps its Day 2: chosen on Day 0, sent at 9 am on
/// Wednesday 13 January.
/// </summary>
[Collection(AzuriteGroup.Name)]
public class RequestsGoOutTests(AzuriteFixture azurite)
{
    private const string Child = "J.S., born 02/03/2015";

    private static readonly AgencyContact Police = new("West Midlands Police", "police", ["ppu@wmp.police.uk"], []);
    private static readonly AgencyContact School = new("Hollybank Primary School", "school", ["dsl@hollybank.sch.uk"], []);

    [Fact]
    public async Task West_Midlands_requests_chosen_on_Day_0_go_at_once_and_are_due_5_working_days_from_that_day()
    {
        await using var world = await RequestWorld.StartAsync(azurite, "west-midlands", London(2027, 1, 11, 8), Police, School);
        var code = await world.RapidReviewAsync(London(2027, 1, 11, 10), London(2027, 1, 11, 11));
        await world.RunUntilAsync(London(2027, 1, 11, 14));

        // The selection card says so before the business manager presses Send.
        var choose = await Command(world).ExecuteAsync(Typed($"{code} choose"), CancellationToken.None);
        var offered = choose.Card!.ToJsonString();
        Assert.Contains("The requests go out as soon as you press Send requests. They are due back by Monday 18 January 2027.", offered, StringComparison.Ordinal);

        await world.Requests.ChooseAsync(code, [Police.Name, School.Name], Child, "bm-object-id", "Bea Manning", CancellationToken.None);
        await world.RunUntilAsync(London(2027, 1, 11, 14, 1));

        var sent = await world.SentAsync();
        Assert.Equal(new[] { Police.Leads[0], School.Leads[0] }.Order(StringComparer.Ordinal), sent.SelectMany(s => s.To).Order(StringComparer.Ordinal));
        // In the sent items while the clock still stands on Day 0; each letter is dated that day.
        Assert.All(sent, letter =>
        {
            Assert.Contains("Date: Monday 11 January 2027", letter.Body, StringComparison.Ordinal);
            Assert.Contains("In this case this will be Monday 18 January 2027", letter.Body, StringComparison.Ordinal);
        });

        var book = await world.BookAsync(code);
        Assert.All(book.Requests.Values, r =>
        {
            Assert.Equal(RequestStatus.Sent, r.Status);
            Assert.Equal(London(2027, 1, 11, 14), r.SentAt);
            Assert.Equal(new DateOnly(2027, 1, 18), r.DueOn);
        });
        var history = await world.Cases.HistoryAsync(code, CancellationToken.None);
        Assert.Equal(2, history.Count(e => e.Type == RequestEventTypes.RequestSent && e.OccurredAt == London(2027, 1, 11, 14)));

        // The return card and the case's timetable show the day they went and the deadline counted from it.
        var card = ReturnStatusCard.Create(book, new DateOnly(2027, 1, 11)).ToJsonString();
        Assert.Contains("\"title\":\"Sent\",\"value\":\"Mon 11 Jan 2027\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Returns due\",\"value\":\"Mon 18 Jan 2027\"", card, StringComparison.Ordinal);
        var state = (await world.Cases.FindAsync(code, CancellationToken.None))!;
        Assert.Equal(London(2027, 1, 11, 14), state.RequestedAt);
        var playbook = Playbook("west-midlands");
        var timetable = TimetableCard.CaseText(state, world.Cases.Schedule.Timetable(playbook, state), world.Cases.Schedule.Deadlines(playbook, state, world.Clock.GetUtcNow()));
        Assert.Contains("- Day 2: Initial scoping templates (Documents 2 and 2a) sent — Wednesday 13 January 2027, end of day — done Monday 11 January 2027, 2 pm", timetable, StringComparison.Ordinal);
        Assert.Contains("- Day 5: Initial scoping templates returned — Monday 18 January 2027, end of day — due", timetable, StringComparison.Ordinal);
        Assert.Empty(world.Problems);
    }

    [Fact]
    public async Task Oldham_requests_chosen_on_Day_0_wait_for_the_start_of_Day_2()
    {
        var oldhamPolice = new AgencyContact("Greater Manchester Police", "police", ["ppiu.oldham@gmp.police.uk"], []);
        await using var world = await RequestWorld.StartAsync(azurite, London(2027, 1, 11, 8), oldhamPolice);
        var code = await world.RapidReviewAsync(London(2027, 1, 11, 10), London(2027, 1, 11, 11));
        await world.RunUntilAsync(London(2027, 1, 11, 14));

        var choose = await Command(world).ExecuteAsync(Typed($"{code} choose"), CancellationToken.None);
        Assert.Contains("The requests go out on Wednesday 13 January 2027, 9 am, the start of the day they are due to be sent. They are due back by Wednesday 20 January 2027.", choose.Card!.ToJsonString(), StringComparison.Ordinal);

        await world.Requests.ChooseAsync(code, [oldhamPolice.Name], Child, "bm-object-id", "Bea Manning", CancellationToken.None);
        await world.RunUntilAsync(London(2027, 1, 13, 8, 59));
        Assert.Empty(await world.SentAsync());
        Assert.Contains("\"title\":\"Sent\",\"value\":\"not yet (to be sent Wed 13 Jan 2027)\"", ReturnStatusCard.Create(await world.BookAsync(code), new DateOnly(2027, 1, 12)).ToJsonString(), StringComparison.Ordinal);

        await world.RunUntilAsync(London(2027, 1, 13, 9));
        var letter = Assert.Single(await world.SentAsync());
        Assert.Contains("by Wednesday 20 January 2027", letter.Body, StringComparison.Ordinal);
        Assert.Equal(London(2027, 1, 13, 9), (await world.Cases.FindAsync(code, CancellationToken.None))!.RequestedAt);
        Assert.Empty(world.Problems);
    }

    private static RequestsCommand Command(RequestWorld world) => new(world.Requests, world.Directory, world.Cases, world.Clock);

    private static CommandRequest Typed(string arguments) => new(arguments, new CommandSender("29:bm", "bm-object-id", "Bea Manning", "tenant"), "a:personal-chat", "personal");
}
