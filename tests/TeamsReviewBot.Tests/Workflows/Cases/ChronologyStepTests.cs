using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.SignOff.Support;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// Gloucestershire's Independent Chair compiles the key event chronology and key lines of enquiry on
/// working days 6–7 (seed-004 L129), through /api/messages with the fake clock: the Chair (listed as
/// the independent adviser) is reminded in their personal chat, the business managers hear only when
/// it is missed, and "done ‹case› chronology" by the Chair or a business manager marks it done.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ChronologyStepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string StepName = "Independent Chair compiles key event chronology and key lines of enquiry";

    private SignOffStage? _stage;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_stage is not null)
        {
            await _stage.Bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_chair_is_reminded_in_personal_chat_and_the_business_managers_hear_when_it_is_missed()
    {
        _stage = await SignOffStage.StartAsync(azurite, "gloucestershire");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        var due = Chronology(await bot.CaseAsync(code));
        Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(WorkingDayCalendar.ToLondon(due.DueAt).DateTime));

        // The working day before (WD 6) and the morning it is due (WD 7): the Chair, not the business managers.
        await bot.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(due.DueDate, new TimeOnly(9, 1)));
        Assert.Equal(2, ChairReminders(code).Count);
        Assert.All(ChairReminders(code), r => Assert.Contains($"'{StepName}' is due by {BritishDates.DateAndTime(due.DueAt)}", r, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.PersonalMessagesTo(Bea), m => m.Contains(StepName, StringComparison.Ordinal));

        // It passes undone: the business managers are told once.
        await bot.JumpAndFireTimersAsync(due.DueAt.AddMinutes(1));
        await bot.WaitForPersonalAsync(Bea, $"'{StepName}' was due {BritishDates.DateAndTime(due.DueAt)} and is not done");
        Assert.Single(await bot.EventsAsync<DeadlineMissed>(code, CaseEventTypes.DeadlineMissed), m => m.Deadline == "chronology");
        Assert.Equal(2, ChairReminders(code).Count);
    }

    [Fact]
    public async Task The_chair_marks_it_done_others_are_refused_and_its_reminders_stop()
    {
        _stage = await SignOffStage.StartAsync(azurite, "gloucestershire");
        var bot = _stage.Bot;
        var code = await _stage.RapidReviewAsync();
        var due = Chronology(await bot.CaseAsync(code));

        // A statutory lead may not mark the Chair's step; the attempt is refused in a sentence and audited.
        await bot.SayAsync(Pat, $"done {code} chronology");
        await bot.WaitForPersonalAsync(Pat, "Only a business manager or the Independent Rapid Review Chair can mark this step done");
        var audit = await bot.Services.GetRequiredService<RefusalAudit>().ListAsync(bot.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Contains(audit, r => r.GetString("Action") == "command:done" && r.GetString("ActorAadObjectId") == Pat.AadObjectId);

        // The Chair marks it done on working day 6.
        await bot.JumpAndFireTimersAsync(WorkingDayCalendar.AtLondon(WorkingDayCalendar.Default.AddWorkingDays(due.DueDate, -1), new TimeOnly(9, 1)));
        await bot.SayAsync(Ian, $"done {code} chronology Chronology and key lines of enquiry circulated to the panel.");
        await bot.WaitForPersonalAsync(Ian, $"\"{StepName}\" is marked done with your note");
        var state = await bot.CaseAsync(code);
        Assert.True(state.CompletedSteps.ContainsKey("chronology"));
        var playbook = bot.Services.GetRequiredService<CaseService>().Playbooks.Get("gloucestershire");
        Assert.Contains(AuditTrail.Render(playbook, await bot.StreamAsync(code)), l => l.EndsWith($"Ian Adebayo (independent adviser, independent-chair) marked '{StepName}' done: Chronology and key lines of enquiry circulated to the panel.", StringComparison.Ordinal));

        // Nothing more is chased: no reminder on the day, no escalation when the deadline passes.
        var before = ChairReminders(code).Count;
        await bot.JumpAndFireTimersAsync(due.DueAt.AddMinutes(1));
        Assert.Equal(before, ChairReminders(code).Count);
        Assert.DoesNotContain(await bot.EventsAsync<DeadlineMissed>(code, CaseEventTypes.DeadlineMissed), m => m.Deadline == "chronology");
    }

    private TeamsReviewBot.Process.Timetable.TimetableEntry Chronology(CaseState state)
    {
        var cases = _stage!.Bot.Services.GetRequiredService<CaseService>();
        var entry = cases.Schedule.Timetable(cases.Playbooks.Get("gloucestershire"), state).Get("chronology");
        Assert.Equal(OutcomeKind.RapidReview, state.OutcomeKind);
        return entry;
    }

    private List<string> ChairReminders(string code) =>
        [.. _stage!.Bot.Teams.Calls
            .Where(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Ian.TeamsId, StringComparison.Ordinal) && c.Card is not null)
            .Select(c => PanelBot.Words(c.Card))
            .Where(w => w.Contains("Reminder: " + code, StringComparison.Ordinal))];
}
