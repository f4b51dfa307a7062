using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.SignOff.Support;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// Each partnership's sign-off played to its own rule through /api/messages (Oldham's is in
/// <see cref="SignOffInChatTests"/> and <see cref="SignOffDeadlineTests"/>): Salford's Independent
/// Adviser and three partners endorse (seed-002 L366); West Midlands' three partners each ratify,
/// delegates allowed, the scrutineer may endorse (seed-003 L238, L240); Tameside's three agree
/// (seed-001 §8.3); Gloucestershire's three sign (seed-004 L114). Each with a refusal, a deputy, a
/// new version voiding the answers, the rule decided the moment it is met and not before, and the
/// deadline passing.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignOffPlaybookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Reason = "The actions table has no owners yet.";

    private static readonly string[] ThreeSeats = ["health", "la", "police"];

    private SignOffStage? _stage;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_stage is not null)
        {
            await _stage.Bot.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("salford", false)]
    [InlineData("west-midlands", true)]
    [InlineData("tameside", false)]
    [InlineData("gloucestershire", false)]
    public async Task Played_to_the_rule_with_a_refusal_a_deputy_and_a_new_version(string partnership, bool deputiesSign)
    {
        _stage = await SignOffStage.StartAsync(azurite, partnership);
        var bot = _stage.Bot;
        var playbook = bot.Services.GetRequiredService<CaseService>().Playbooks.Get(partnership);
        Assert.Equal(deputiesSign, playbook.FindSeat("health")!.DeputiesMayAct);
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);

        var sent = await _stage.AskForSignOffAsync(code, 1);
        foreach (var signer in Signers(partnership))
        {
            Assert.Contains(signer.Name, sent, StringComparison.Ordinal);
        }

        Assert.Equal(deputiesSign, sent.Contains(Dev.Name, StringComparison.Ordinal)); // no card for a deputy who may not sign
        Assert.DoesNotContain(Vic.Name, sent, StringComparison.Ordinal);

        // Someone with no sign-off role is refused in a sentence, and the attempt is audited.
        var refused = PanelBot.Words(await _stage.PressAsync(Vic, await _stage.CardToAsync(Lola, 1), "sign-off"));
        Assert.Contains("you are not one of them, so nothing was recorded", refused, StringComparison.Ordinal);
        Assert.Single(await bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused), r => r.Verb == "sign-off");

        // A refusal needs its reason; with one, the rule can no longer be met on this version.
        var patCard = await _stage.CardToAsync(Pat, 1);
        Assert.Contains("Please give the reason you do not sign off", PanelBot.Words(await _stage.PressAsync(Pat, patCard, "do-not-sign-off")), StringComparison.Ordinal);
        Assert.Empty(await bot.EventsAsync<SignOffRecorded>(code, CaseEventTypes.SignOffRecorded));
        await _stage.PressAsync(Pat, patCard, "do-not-sign-off", Reason);
        var afterRefusal = await bot.CaseAsync(code);
        Assert.False(afterRefusal.SeatSignOffs["police"].Agrees);
        Assert.True(afterRefusal.SignOffDisputed);
        Assert.Null(afterRefusal.SignedOffAt);

        // A deputy signs for their partner, never beside them: here the health lead has answered.
        await _stage.SignAsync(Hana, 1);
        var deputy = PanelBot.Words(await _stage.PressAsync(Dev, await _stage.CardToAsync(deputiesSign ? Dev : Hana, 1), "sign-off"));
        Assert.Contains(deputiesSign ? "has already answered through its lead" : "do not let a deputy sign off", deputy, StringComparison.Ordinal);
        var beforeVersion2 = await bot.CaseAsync(code);
        Assert.Equal(2, beforeVersion2.SeatSignOffs.Count);
        Assert.False(beforeVersion2.SeatSignOffs["health"].ByDeputy);

        // The author's next version voids every answer and asks again, saying so.
        await _stage.AddVersionAsync(code, 2);
        Assert.Empty((await bot.CaseAsync(code)).SeatSignOffs);
        Assert.False((await bot.CaseAsync(code)).SignOffDisputed);
        await bot.JumpAndFireTimersAsync(bot.Clock.GetUtcNow().AddMinutes(1));
        foreach (var signer in Signers(partnership))
        {
            Assert.Contains("answers given on version 1 are void", PanelBot.Words(await _stage.CardToAsync(signer, 2)), StringComparison.Ordinal);
        }

        Assert.Equal(deputiesSign, _stage.HasCard(Dev, 2));
        var stale = PanelBot.Words(await _stage.PressAsync(Hana, await _stage.CardToAsync(Hana, 1), "sign-off"));
        Assert.Contains("the report is now at version 2", stale, StringComparison.Ordinal);

        // Version 2 signed to the playbook's rule: nothing is decided until the last answer it needs.
        var last = await SignVersion2ToTheRuleAsync(partnership, code);
        Assert.Contains("Signed off on", last, StringComparison.Ordinal);
        Assert.NotNull((await bot.CaseAsync(code)).SignedOffAt);
        Assert.Single(await bot.StreamAsync(code), e => e.Type == CaseEventTypes.SignedOff);

        // The thread's tally carries names and seats, never a reason or the child's details.
        var thread = bot.ChannelTraffic();
        Assert.Contains($"{Pat.Name} signed off", thread, StringComparison.Ordinal);
        Assert.Contains($"{Lola.Name} signed off", thread, StringComparison.Ordinal);
        Assert.Contains($"{Pat.Name} did not sign off", thread, StringComparison.Ordinal);
        Assert.DoesNotContain(Reason, thread, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, thread, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, thread, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("salford")]
    [InlineData("west-midlands")]
    public async Task The_deadline_passing_is_escalated_once_with_the_seats_still_to_answer(string partnership)
    {
        _stage = await SignOffStage.StartAsync(azurite, partnership);
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await _stage.AskForSignOffAsync(code, 1);
        var cases = bot.Services.GetRequiredService<CaseService>();
        var playbook = cases.Playbooks.Get(partnership);
        var deadline = cases.SignOffDeadline(playbook, await bot.CaseAsync(code))!.Value;

        // The morning of the last day: everyone whose answer the rule needs is reminded; an optional
        // endorser is not chased.
        await bot.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(WorkingDayCalendar.LondonDate(deadline), new TimeOnly(9, 1)));
        foreach (var signer in Signers(partnership))
        {
            await WaitForReminderAsync(signer, 1);
        }

        Assert.Empty(Reminders(SignOffStage.Sol));
        await _stage.SignAsync(Lola, 1);
        await _stage.SignAsync(Pat, 1);

        await bot.JumpAndFireTimersAsync(deadline.AddMinutes(1));
        var told = await bot.WaitForPersonalAsync(Bea, "the playbook's rule is not met");
        Assert.Contains("Still to answer: " + _stage.SeatTitle(partnership, "health"), told, StringComparison.Ordinal);
        if (partnership == "salford")
        {
            Assert.Contains(_stage.SeatTitle(partnership, "independent-adviser"), told, StringComparison.Ordinal);
        }

        await bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Chloe.TeamsId, StringComparison.Ordinal) && PanelBot.Words(c.Card).Contains("Sign-off overdue", StringComparison.Ordinal), "the escalation to the chair");

        // Fired again, and after a restart: still told once.
        await FireAgainAsync(code, SignOffPrompts.IdFor(code, SignOffPrompts.Escalation, deadline), deadline);
        await bot.RestartAsync();
        await FireAgainAsync(code, SignOffPrompts.IdFor(code, SignOffPrompts.Escalation, deadline), deadline);
        Assert.Single(await bot.EventsAsync<SignOffEscalated>(code, CaseEventTypes.SignOffEscalated));
        Assert.Single(bot.PersonalMessagesTo(Bea), m => m.Contains("the playbook's rule is not met", StringComparison.Ordinal));
        Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
    }

    [Fact]
    public async Task Simultaneous_presses_and_teams_retries_record_each_sign_off_once()
    {
        _stage = await SignOffStage.StartAsync(azurite, "tameside");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        await _stage.AddVersionAsync(code, 1);
        await _stage.AskForSignOffAsync(code, 1);
        var cards = new Dictionary<Person, System.Text.Json.Nodes.JsonNode>();
        foreach (var lead in new[] { Lola, Pat, Hana })
        {
            cards[lead] = await _stage.CardToAsync(lead, 1);
        }

        // Each lead's press arrives three times at once: Teams' retry of the same invoke, and a double click.
        var presses = cards.SelectMany(c =>
        {
            var retried = Guid.NewGuid().ToString();
            return new[]
            {
                _stage.PressAsync(c.Key, c.Value, "sign-off", activityId: retried),
                _stage.PressAsync(c.Key, c.Value, "sign-off", activityId: retried),
                _stage.PressAsync(c.Key, c.Value, "sign-off"),
            };
        }).ToList();
        await Task.WhenAll(presses);

        var recorded = await bot.EventsAsync<SignOffRecorded>(code, CaseEventTypes.SignOffRecorded);
        Assert.Equal(ThreeSeats, recorded.Select(r => r.Seat).Order(StringComparer.Ordinal).ToArray());
        Assert.Single(await bot.StreamAsync(code), e => e.Type == CaseEventTypes.SignedOff);
        Assert.Equal(3, (await bot.CaseAsync(code)).SeatSignOffs.Count);
    }

    /// <summary>Whose answer each partnership's rule needs: the three partners' leads, and Salford's Independent Adviser.</summary>
    private static IReadOnlyList<Person> Signers(string partnership) =>
        partnership == "salford" ? [Lola, Pat, Hana, Ian]
        : partnership == "west-midlands" ? [Lola, Pat, Hana, Dev]
        : [Lola, Pat, Hana];

    private async Task<string> SignVersion2ToTheRuleAsync(string partnership, string code)
    {
        var bot = _stage!.Bot;
        switch (partnership)
        {
            case "salford":
                // The three partners are not enough: the Independent Adviser endorses too.
                await _stage.SignAsync(Lola, 2);
                await _stage.SignAsync(Pat, 2);
                await _stage.SignAsync(Hana, 2);
                Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
                var endorsed = await _stage.SignAsync(Ian, 2);
                Assert.Contains("3 of 3 partners signed off, endorsed by the SSCP Independent Adviser", endorsed, StringComparison.Ordinal);
                return endorsed;
            case "west-midlands":
                // The health partner's delegate ratifies in the lead's place; the scrutineer's
                // endorsement is welcome but does not stand in for a partner.
                await _stage.SignAsync(Dev, 2);
                Assert.True((await bot.CaseAsync(code)).SeatSignOffs["health"].ByDeputy);
                await _stage.SignAsync(Lola, 2);
                await _stage.SignAsync(SignOffStage.Sol, 2);
                Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
                var ratified = await _stage.SignAsync(Pat, 2);
                Assert.Contains("3 of 3 partners signed off (1 by a deputy)", ratified, StringComparison.Ordinal);
                Assert.Contains($"{Dev.Name} (as deputy) signed off", bot.ChannelTraffic(), StringComparison.Ordinal);
                Assert.Contains($"{SignOffStage.Sol.Name} signed off", bot.ChannelTraffic(), StringComparison.Ordinal);
                return ratified;
            default:
                await _stage.SignAsync(Lola, 2);
                await _stage.SignAsync(Pat, 2);
                Assert.Contains("do not let a deputy sign off", PanelBot.Words(await _stage.PressAsync(Dev, await _stage.CardToAsync(Hana, 2), "sign-off")), StringComparison.Ordinal);
                Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
                var all = await _stage.SignAsync(Hana, 2);
                Assert.Contains("3 of 3 partners signed off", all, StringComparison.Ordinal);
                if (partnership != "gloucestershire")
                {
                    return all;
                }

                // Gloucestershire's Business Manager also checks the report meets WT2018 (seed-004 L133).
                Assert.Null((await bot.CaseAsync(code)).SignedOffAt);
                await bot.SayAsync(Bea, $"wt2018 {code}");
                return await bot.WaitForPersonalAsync(Bea, "WT2018 check on version 2");
        }
    }

    private List<string> Reminders(Person person) =>
        [.. _stage!.Bot.Teams.Calls
            .Where(c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && c.Card is not null)
            .Select(c => PanelBot.Words(c.Card))
            .Where(w => w.Contains("Reminder:", StringComparison.Ordinal))];

    private async Task WaitForReminderAsync(Person person, int count)
    {
        for (var i = 0; i < 200 && Reminders(person).Count < count; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(count, Reminders(person).Count);
    }

    /// <summary>Fires the prompt's timer again by hand, as a second instance or a retry would.</summary>
    private async Task FireAgainAsync(string code, string timerId, DateTimeOffset deadline)
    {
        var bot = _stage!.Bot;
        var handler = bot.Services.GetServices<TeamsReviewBot.Workflows.Timers.ITimerHandler>().Single(h => h.Kind == SignOffPrompts.TimerKind);
        var prompt = new SignOffPrompt(timerId, code, SignOffPrompts.Escalation, deadline, deadline);
        await handler.HandleAsync(new TeamsReviewBot.Storage.DurableTimer(timerId, SignOffPrompts.TimerKind, code, deadline, SignOffPrompts.Payload(prompt)), CancellationToken.None);
    }
}
