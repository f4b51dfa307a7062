using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Digest;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Storage.Intake;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.BusinessManager;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.BusinessManager;

/// <summary>
/// The working-morning digest through the whole bot on a fake clock: one card per business manager
/// per working day in their personal chat, however many instances fire the timer; nothing on a
/// weekend or bank holiday; exactly the items due; and "digest" on demand.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class MorningDigestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>A second business manager, so "one card per person" is about more than one person.</summary>
    private static readonly Person Cara = new("29:user-bm2", "30000000-0000-0000-0000-000000000010", "Cara Mills", "BusinessManager");

    private static readonly IReadOnlyList<Person> People = [Bea, Cara, Lola, Pat, Hana, Dev, Vic];

    private PanelBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_instances_racing_send_each_business_manager_one_card_listing_exactly_what_is_due()
    {
        // Thursday 19 November 2026: case A is referred and goes to Rapid Review.
        await StartAsync(At(2026, 11, 19, 10, 0));
        var caseA = await _bot!.ReferAsync(Bea);
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot.CaseAsync(caseA)).Stage == CaseStage.AwaitingDecision)
            {
                await _bot.VoteAsync(voter, caseA, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        Assert.Equal(OutcomeKind.RapidReview, (await _bot.CaseAsync(caseA)).OutcomeKind);

        // Monday 23 November: case B is referred and one police vote is in.
        _bot.Clock.JumpTo(At(2026, 11, 23, 10, 0));
        var caseB = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Pat, caseB, "rapid-review", "Serious harm.");
        await _bot.Services.GetRequiredService<MailForReviewStore>().AddAsync(
            PanelBot.Mailbox,
            new MailForReview("<unmatched-1@agency.example>", "clerk@agency.example", At(2026, 11, 23, 15, 0), "not a referral, and no case code or request it answers", "https://outlook.office.com/mail/item-1", null));

        // Tuesday 24 November, 08:31: both instances fire the timers and send the day's digest at once.
        // The clock moves first: the second instance's first timer pass starts with it, and on Monday's
        // clock it would send Monday's digest (the timer set for Friday is still waiting).
        _bot.Clock.JumpTo(At(2026, 11, 24, 8, 31));
        await using var second = _bot.StartSecondInstance();
        var day = new DateOnly(2026, 11, 24);
        var now = _bot.Clock.GetUtcNow();
        await Task.WhenAll(
            _bot.Services.GetRequiredService<TimerPump>().RunOnceAsync(CancellationToken.None),
            second.Services.GetRequiredService<TimerPump>().RunOnceAsync(CancellationToken.None),
            _bot.Services.GetRequiredService<MorningDigestSender>().SendAsync(day, now, CancellationToken.None),
            second.Services.GetRequiredService<MorningDigestSender>().SendAsync(day, now, CancellationToken.None));
        // The timer firing again (at least once is its guarantee) sends nothing more.
        await second.Services.GetServices<ITimerHandler>().OfType<MorningDigestTimerHandler>().Single().HandleAsync(new DurableTimer(MorningDigestRules.TimerId(day), MorningDigestRules.TimerKind, "morning-digest", now, "{}"), CancellationToken.None);

        var card = Assert.Single(DigestCardsTo(Bea));
        Assert.Single(DigestCardsTo(Cara));
        Assert.Empty(DigestCardsTo(Pat));

        Assert.Equal("Your working morning: Tuesday 24 November 2026", Heading(card));
        Assert.Equal([$"{caseA}: Agency summaries requested: was due Monday 23 November 2026, 5 pm"], Section(card, "Overdue"));
        Assert.Equal([$"{caseB}: Virtual Panel threshold decision: by 5 pm"], Section(card, "Due today"));
        Assert.Equal([$"{caseA}: National Panel notified: Thursday 26 November 2026, 5 pm"], Section(card, "Due in the next 2 working days"));
        var decision = Assert.Single(Section(card, "Decisions waiting"));
        Assert.StartsWith($"{caseB}: threshold decision: waiting for ", decision, StringComparison.Ordinal);
        Assert.Contains("Lola Adeyemi", decision, StringComparison.Ordinal);
        Assert.Contains("Hana Brook", decision, StringComparison.Ordinal);
        Assert.Contains("Dev Shah as deputy", decision, StringComparison.Ordinal);
        Assert.DoesNotContain("Pat Okafor", decision, StringComparison.Ordinal);
        Assert.Empty(Section(card, "Sign-offs waiting"));
        var words = PanelBot.Words(card);
        Assert.Contains("Mail waiting for a person (1)", words, StringComparison.Ordinal);
        Assert.Contains("from clerk@agency.example: not a referral", words, StringComparison.Ordinal);
        Assert.Contains("(https://outlook.office.com/mail/item-1)", words, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, words, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, words, StringComparison.Ordinal);

        // The next working morning's timer is set, once, for Wednesday.
        Assert.NotNull(await _bot.Services.GetRequiredService<DurableTimerStore>().FindAsync(MorningDigestRules.TimerId(day.AddDays(1))));
    }

    [Fact]
    public async Task Nothing_is_sent_on_Christmas_Day_Boxing_Day_or_its_substitute_and_Tuesday_shows_what_fell_due()
    {
        // Wednesday 23 December 2026: a referral whose decision is due on Christmas Eve at 5 pm.
        await StartAsync(At(2026, 12, 23, 10, 0));
        var code = await _bot!.ReferAsync(Bea);
        var timers = _bot.Services.GetRequiredService<DurableTimerStore>();
        await WaitForTimerAsync(timers, new DateOnly(2026, 12, 24));

        await _bot.JumpAndFireTimersAsync(At(2026, 12, 24, 8, 31));
        var eve = Assert.Single(DigestCardsTo(Bea));
        Assert.Equal([$"{code}: Virtual Panel threshold decision: by 5 pm"], Section(eve, "Due today"));

        foreach (var date in new[] { 25, 26, 27, 28 })
        {
            Assert.Null(await timers.FindAsync(MorningDigestRules.TimerId(new DateOnly(2026, 12, date))));
            await _bot.JumpAndFireTimersAsync(At(2026, 12, date, 8, 31));
            await _bot.JumpAndFireTimersAsync(At(2026, 12, date, 12, 0));
            Assert.Single(DigestCardsTo(Bea));
            Assert.Single(DigestCardsTo(Cara));
        }

        await _bot.JumpAndFireTimersAsync(At(2026, 12, 29, 8, 31));
        var cards = DigestCardsTo(Bea);
        Assert.Equal(2, cards.Count);
        Assert.Equal("Your working morning: Tuesday 29 December 2026", Heading(cards[1]));
        Assert.Equal([$"{code}: Virtual Panel threshold decision: was due Thursday 24 December 2026, 5 pm"], Section(cards[1], "Overdue"));
        Assert.Empty(Section(cards[1], "Due today"));
        Assert.Equal(2, DigestCardsTo(Cara).Count);
    }

    [Fact]
    public async Task Digest_on_demand_for_a_business_manager_and_refused_to_anyone_else()
    {
        await StartAsync(At(2026, 11, 23, 10, 0));
        var code = await _bot!.ReferAsync(Bea);

        await _bot.SayAsync(Bea, "digest");
        var reply = await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Bea.TeamsId, StringComparison.Ordinal) && Heading(c.Card).StartsWith("Your working morning", StringComparison.Ordinal), "the digest on demand");
        Assert.Equal([$"{code}: Virtual Panel threshold decision: Tuesday 24 November 2026, 5 pm"], Section(reply.Card!, "Due in the next 2 working days"));

        await _bot.SayAsync(Vic, "digest");
        Assert.Contains("Only a business manager gets the morning digest.", await _bot.WaitForPersonalAsync(Vic, "Only a business manager"), StringComparison.Ordinal);

        await _bot.SayAsync(Bea, "digest please");
        Assert.Contains("Please type: digest", await _bot.WaitForPersonalAsync(Bea, "takes nothing after it"), StringComparison.Ordinal);
    }

    private async Task StartAsync(DateTimeOffset start)
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", People, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" }, start);
        foreach (var person in People)
        {
            await _bot.PersonalInstallAsync(person);
        }
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        WorkingDayCalendar.AtLondon(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private static async Task WaitForTimerAsync(DurableTimerStore timers, DateOnly day)
    {
        for (var i = 0; i < 200 && await timers.FindAsync(MorningDigestRules.TimerId(day)) is null; i++)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(await timers.FindAsync(MorningDigestRules.TimerId(day)));
    }

    /// <summary>The digest cards the bot posted into the person's personal chat by itself (not replies to "digest").</summary>
    private List<JsonNode> DigestCardsTo(Person person) =>
        [.. _bot!.Teams.Calls
            .Where(c => c.Method == "POST" && c.Path == $"/v3/conversations/a:chat-{person.TeamsId}/activities" && Heading(c.Card).StartsWith("Your working morning", StringComparison.Ordinal))
            .Select(c => c.Card!)];

    private static string Heading(JsonNode? card) => card?["body"]?[0]?["text"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The lines of the section whose heading starts with <paramref name="heading"/>, as "case: line".</summary>
    private static List<string> Section(JsonNode card, string heading)
    {
        var body = card["body"]!.AsArray();
        for (var i = 0; i < body.Count - 1; i++)
        {
            if (body[i]!["text"]?.GetValue<string>() is { } text && text.StartsWith(heading + " (", StringComparison.Ordinal))
            {
                return body[i + 1]!["facts"] is JsonArray facts
                    ? [.. facts.Select(f => $"{f!["title"]!.GetValue<string>()}: {f["value"]!.GetValue<string>()}")]
                    : [];
            }
        }

        throw new InvalidOperationException($"The card has no section \"{heading}\": {PanelBot.Words(card)}");
    }
}
