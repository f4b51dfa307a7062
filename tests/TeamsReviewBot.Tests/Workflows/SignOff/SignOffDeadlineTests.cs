using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Report;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// The sign-off deadline under a fake clock, through /api/messages and the timer pump: the seats
/// still to answer get the card again with a reminder at the playbook's times (Oldham: 9 am and
/// 2 pm on the last day), those who answered do not, and when the deadline passes without the rule
/// met the chair and the business managers are told once.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignOffDeadlineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly IReadOnlyList<Person> People = [.. StatutoryPanel, Chloe];

    private PanelBot? _bot;
    private string? _partnership;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Oldham_reminds_the_seats_still_to_sign_at_9_and_2_on_the_last_day_and_escalates_at_4_pm_once()
    {
        var code = await RapidReviewCaseWithVersionAsync("oldham");
        var deadline = await DeadlineAsync(code);
        var lastDay = WorkingDayCalendar.LondonDate(deadline);
        Assert.Equal(new TimeOnly(16, 0), TimeOnly.FromTimeSpan(WorkingDayCalendar.ToLondon(deadline).TimeOfDay));

        await PressAsync(Lola, await CardToAsync(Lola), "sign-off");

        // The day before the last: nothing yet.
        await _bot!.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(lastDay.AddDays(-1), new TimeOnly(15, 0)));
        Assert.Empty(Reminders(Pat));

        await _bot.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(lastDay, new TimeOnly(9, 1)));
        await WaitForReminderAsync(Pat, 1);
        await WaitForReminderAsync(Hana, 1);
        await WaitForReminderAsync(Dev, 1); // Oldham lets a deputy sign for health
        Assert.Contains("due by", Reminders(Pat).Single(), StringComparison.Ordinal);
        Assert.Empty(Reminders(Lola)); // she answered
        var morning = Assert.Single(await _bot.EventsAsync<SignOffReminderSent>(code, CaseEventTypes.SignOffReminderSent));
        Assert.Equal(["police", "health"], morning.Seats);

        // The same timer firing again (another instance, a retry) reminds no one twice.
        await FireAgainAsync(code, SignOffPrompts.IdFor(code, "reminder-0", deadline));
        Assert.Single(Reminders(Pat));
        Assert.Single(await _bot.EventsAsync<SignOffReminderSent>(code, CaseEventTypes.SignOffReminderSent));

        // Police answers (not signing, with a reason); the 2 pm reminder is for health alone.
        await PressAsync(Pat, await CardToAsync(Pat), "do-not-sign-off", "The actions table has no owners yet.");
        await _bot.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(lastDay, new TimeOnly(14, 0)));
        await WaitForReminderAsync(Hana, 2);
        await WaitForReminderAsync(Dev, 2);
        Assert.Single(Reminders(Pat));

        // 4 pm passes with one of the two sign-offs needed: escalated to the chair and the business manager, once.
        await _bot.JumpAndFireTimersAsync(deadline.AddMinutes(1));
        var toChair = await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Chloe.TeamsId, StringComparison.Ordinal) && PanelBot.Words(c.Card).Contains("Sign-off overdue", StringComparison.Ordinal), "the escalation to the chair");
        Assert.Contains("Still to answer: " + HealthSeat(), PanelBot.Words(toChair.Card), StringComparison.Ordinal);
        var toManager = await _bot.WaitForPersonalAsync(Bea, "the playbook's rule is not met");
        Assert.Contains("Still to answer: " + HealthSeat(), toManager, StringComparison.Ordinal);
        var escalated = Assert.Single(await _bot.EventsAsync<SignOffEscalated>(code, CaseEventTypes.SignOffEscalated));
        Assert.Equal(deadline, escalated.DeadlineAt);
        Assert.NotNull((await _bot.CaseAsync(code)).SignOffEscalatedAt);

        await FireAgainAsync(code, SignOffPrompts.IdFor(code, "escalation", deadline));
        await _bot.RestartAsync();
        await FireAgainAsync(code, SignOffPrompts.IdFor(code, "escalation", deadline));
        Assert.Single(await _bot.EventsAsync<SignOffEscalated>(code, CaseEventTypes.SignOffEscalated));
        Assert.Single(_bot.Teams.Calls, c => c.Path.StartsWith("/v3/conversations/a:chat-" + Chloe.TeamsId, StringComparison.Ordinal) && PanelBot.Words(c.Card).Contains("Sign-off overdue", StringComparison.Ordinal));
        Assert.Single(_bot.PersonalMessagesTo(Bea), m => m.Contains("the playbook's rule is not met", StringComparison.Ordinal));

        // Nothing of it reaches the channel with the child's details, nor a partner's reason.
        var channel = _bot.ChannelTraffic();
        Assert.DoesNotContain(PanelBot.ChildName, channel, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, channel, StringComparison.Ordinal);
        Assert.DoesNotContain("no owners yet", channel, StringComparison.Ordinal);
        Assert.DoesNotContain("no owners yet", toManager, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_signed_off_before_the_deadline_gets_no_reminder_and_no_escalation()
    {
        var code = await RapidReviewCaseWithVersionAsync("oldham");
        var deadline = await DeadlineAsync(code);
        await PressAsync(Lola, await CardToAsync(Lola), "sign-off");
        await PressAsync(Hana, await CardToAsync(Hana), "sign-off");
        Assert.NotNull((await _bot!.CaseAsync(code)).SignedOffAt);
        Assert.Null(await _bot.Services.GetRequiredService<DurableTimerStore>().FindAsync(SignOffPrompts.IdFor(code, "escalation", deadline)));

        await _bot.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(WorkingDayCalendar.LondonDate(deadline), new TimeOnly(9, 1)));
        await _bot.JumpAndFireTimersAsync(deadline.AddMinutes(1));
        Assert.Empty(Reminders(Pat));
        Assert.Empty(await _bot.EventsAsync<SignOffEscalated>(code, CaseEventTypes.SignOffEscalated));
    }

    [Theory]
    [InlineData("tameside")]
    [InlineData("gloucestershire")]
    public async Task All_three_are_reminded_on_the_morning_of_the_last_day_and_the_deadline_passing_is_escalated(string partnership)
    {
        var code = await RapidReviewCaseWithVersionAsync(partnership);
        var deadline = await DeadlineAsync(code);
        await _bot!.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(WorkingDayCalendar.LondonDate(deadline), new TimeOnly(9, 1)));
        foreach (var lead in new[] { Lola, Pat, Hana })
        {
            await WaitForReminderAsync(lead, 1);
        }

        Assert.Empty(Reminders(Dev)); // these partnerships let no deputy sign
        await PressAsync(Lola, await CardToAsync(Lola), "sign-off");
        await PressAsync(Pat, await CardToAsync(Pat), "sign-off");

        await _bot.JumpAndFireTimersAsync(deadline.AddMinutes(1));
        var told = await _bot.WaitForPersonalAsync(Bea, "the playbook's rule is not met");
        Assert.Contains("Still to answer: " + HealthSeat(), told, StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<SignOffEscalated>(code, CaseEventTypes.SignOffEscalated));
        Assert.Null((await _bot.CaseAsync(code)).SignedOffAt);
    }

    private async Task<string> RapidReviewCaseWithVersionAsync(string partnership)
    {
        _partnership = partnership;
        _bot = await PanelBot.StartAsync(azurite, partnership, People, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" });
        foreach (var person in People)
        {
            await _bot.PersonalInstallAsync(person);
        }

        var code = await _bot.ReferAsync(Bea);
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await _bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        var draft = await _bot.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default);
        var version = draft! with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(draft.Content)) };
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(version, "author", new Actor(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null), "Version added.", default);
        await _bot.SayAsync(Bea, "sign-off " + code);
        await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 1");
        return code;
    }

    private string HealthSeat() =>
        _bot!.Services.GetRequiredService<CaseService>().Playbooks.Get(_partnership!).FindSeat("health")!.Title;

    private async Task<DateTimeOffset> DeadlineAsync(string code)
    {
        var cases = _bot!.Services.GetRequiredService<CaseService>();
        var state = await _bot.CaseAsync(code);
        return cases.SignOffDeadline(cases.Playbooks.Get(state.Partnership), state) ?? throw new InvalidOperationException("No sign-off deadline.");
    }

    /// <summary>The reminders (sign-off cards carrying "Reminder:") in the person's personal chat.</summary>
    private List<string> Reminders(Person person) =>
        [.. _bot!.Teams.Calls
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
    private async Task FireAgainAsync(string code, string timerId)
    {
        var handler = _bot!.Services.GetServices<ITimerHandler>().Single(h => h.Kind == SignOffPrompts.TimerKind);
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await _bot.CaseAsync(code);
        var deadline = cases.SignOffDeadline(cases.Playbooks.Get(state.Partnership), state)!.Value;
        var kind = timerId.Contains(":escalation:", StringComparison.Ordinal) ? SignOffPrompts.Escalation : SignOffPrompts.Reminder;
        var prompt = new SignOffPrompt(timerId, code, kind, deadline, deadline);
        await handler.HandleAsync(new DurableTimer(timerId, SignOffPrompts.TimerKind, code, deadline, SignOffPrompts.Payload(prompt)), CancellationToken.None);
    }

    private async Task<JsonNode> CardToAsync(Person person)
    {
        var call = await _bot!.Teams.WaitForCallAsync(
            c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && c.Card?.ToJsonString().Contains("\"verb\":\"sign-off\"", StringComparison.Ordinal) == true,
            $"the sign-off card to {person.Name}");
        return _bot.Teams.Calls.Last(c => c.Path == call.Path && c.Card?.ToJsonString().Contains("\"verb\":\"sign-off\"", StringComparison.Ordinal) == true).Card!;
    }

    private async Task<JsonObject> PressAsync(Person person, JsonNode card, string choice, string comments = "")
    {
        var action = card["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == choice)!;
        var data = (JsonObject)action["data"]!.DeepClone();
        data["comments"] = comments;
        return await _bot!.InvokeAsync(person, "sign-off", data, conversationId: "a:chat-" + person.TeamsId);
    }
}
