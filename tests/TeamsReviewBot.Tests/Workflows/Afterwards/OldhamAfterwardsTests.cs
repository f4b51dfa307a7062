using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.Afterwards.AfterwardsCase;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Afterwards;

/// <summary>
/// Oldham after its meeting (seed-000 §9.4): the lesson log is asked of each agency that returned
/// information, in the seed's words, due two weeks after the meeting and chased; "done" marks the
/// afterwards items (business managers only, an unknown item answered with the open ones), and the
/// case closes when the last is done.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OldhamAfterwardsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Lesson_logs_are_asked_after_the_meeting_and_done_closes_the_case_when_nothing_remains()
    {
        var code = await RapidReviewAsync(_bot);
        await AgenciesAnsweredAsync(_bot, code);
        await MeetingHeldAsync(_bot, code, ReviewRecommendations.No);
        var heldAt = (await _bot.CaseAsync(code)).MeetingHeldAt!.Value;
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var requests = await SentWithSubjectAsync(_bot, "Child Safeguarding Practice Review Lesson Log – " + code);
        Assert.Equal(["lead@nursing.example.nhs.uk", "ppu@police.example.police.uk"], requests.Select(To).Order());
        var dueOn = WorkingDayCalendar.LondonDate(heldAt).AddDays(14);
        foreach (var request in requests)
        {
            var body = Body(request);
            Assert.Contains("\"to be used by all agencies to document cascading of information and lessons as a result of the Rapid Review\"", body, StringComparison.Ordinal);
            Assert.Contains("\"returned to oscp.group@Oldham.gov.uk within 2 weeks following the rapid review meeting\"", body, StringComparison.Ordinal);
            Assert.Contains("please notify us within your email if you require any further action or support", body, StringComparison.Ordinal);
            Assert.Contains("by " + BritishDates.Date(dueOn), body, StringComparison.Ordinal);
            Assert.DoesNotContain(PanelBot.ChildName, body, StringComparison.Ordinal);
        }

        var asked = Assert.Single(await _bot.EventsAsync<LessonLogsRequested>(code, CaseEventTypes.LessonLogsRequested));
        Assert.Equal(["Police Public Protection", "School Nursing Service"], asked.Agencies.Select(a => a.Name).Order());
        Assert.Contains("lesson logs for case " + code + " were asked of", await _bot.WaitForPersonalAsync(Bea, "lesson logs for case"), StringComparison.Ordinal);

        await SubmittedAsync(_bot, code);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));
        var started = await _bot.WaitForPersonalAsync(Bea, "afterwards steps have started");
        Assert.Contains("lesson-log (Lesson logs returned by agencies", started, StringComparison.Ordinal);
        Assert.Contains("moderation (Moderation meeting with agencies", started, StringComparison.Ordinal);
        Assert.Empty(await SentWithSubjectAsync(_bot, "Rapid Review outcome"));

        // The lesson log is chased: the business managers hear the working day before it is due.
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var state = await _bot.CaseAsync(code);
        var lessonLogDue = cases.Schedule.Timetable(cases.Playbooks.Get("oldham"), state).Get("lesson-log").DueAt;
        await _bot.JumpAndFireTimersAsync(lessonLogDue.AddDays(-1).AddHours(-12));
        await _bot.JumpAndFireTimersAsync(lessonLogDue.AddHours(-1));
        Assert.Contains("'Lesson logs returned by agencies' is due", await _bot.WaitForPersonalAsync(Bea, "'Lesson logs returned by agencies'"), StringComparison.Ordinal);

        // Only a business manager marks items done; the refusal is audited.
        await _bot.SayAsync(Vic, $"done {code} lesson-log");
        await _bot.WaitForPersonalAsync(Vic, "Only a business manager can mark");
        Assert.Empty(await _bot.EventsAsync<StepCompleted>(code, CaseEventTypes.StepCompleted));

        // An unknown item is answered with the case's open items.
        await _bot.SayAsync(Bea, $"done {code} lessons");
        var unknown = await _bot.WaitForPersonalAsync(Bea, "has no step \"lessons\"");
        Assert.Contains("Its open items are: lesson-log (Lesson logs returned by agencies, due", unknown, StringComparison.Ordinal);
        Assert.Contains("moderation (Moderation meeting with agencies", unknown, StringComparison.Ordinal);

        await _bot.SayAsync(Bea, $"done {code} lesson-log Both agencies' logs are in the case folder.");
        var first = await _bot.WaitForPersonalAsync(Bea, "\"Lesson logs returned by agencies\" is marked done");
        Assert.Contains("moderation", first, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Afterwards, (await _bot.CaseAsync(code)).Stage);

        await _bot.SayAsync(Bea, $"done {code} lesson-log");
        await _bot.WaitForPersonalAsync(Bea, "is already done");

        await _bot.SayAsync(Bea, $"done {code} moderation Held with every agency; actions evidenced.");
        await _bot.WaitForPersonalAsync(Bea, $"Nothing remains open, so case {code} is now closed.");
        state = await _bot.CaseAsync(code);
        Assert.Equal(CaseStage.Closed, state.Stage);
        var closed = Assert.Single(await _bot.EventsAsync<Closed>(code, CaseEventTypes.Closed));
        Assert.Equal("TeamsReviewBot", closed.Actor.Name);
        Assert.Contains("Lesson logs returned by agencies", closed.Reason, StringComparison.Ordinal);

        // Its reminders are gone with it: nothing more reaches the business managers.
        var before = _bot.PersonalMessagesTo(Bea).Count;
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddDays(200));
        Assert.Equal(before, _bot.PersonalMessagesTo(Bea).Count);
    }
}
