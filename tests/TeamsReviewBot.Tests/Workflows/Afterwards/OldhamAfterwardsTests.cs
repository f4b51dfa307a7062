using System.Net.Http.Json;
using System.Text.Json.Nodes;
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

        // A returned lesson log is matched by the case code in the subject and the agency's address.
        var outcome = await ReceiveAsync("lead@nursing.example.nhs.uk", $"RE: Child Safeguarding Practice Review Lesson Log – {code} – School Nursing Service", "Our lesson log is attached.");
        Assert.Equal($"lesson log on {code}", outcome);
        Assert.Equal("School Nursing Service", Assert.Single(await _bot.EventsAsync<LessonLogReturned>(code, CaseEventTypes.LessonLogReturned)).Agency);
        Assert.Contains("Still to come: Police Public Protection", await _bot.WaitForPersonalAsync(Bea, "lesson log from School Nursing Service"), StringComparison.Ordinal);

        // From an address the bot did not write to, it is not a lesson log.
        Assert.NotEqual($"lesson log on {code}", await ReceiveAsync("someone@elsewhere.example", $"Lesson Log – {code}", "Here is ours."));
        Assert.Single(await _bot.EventsAsync<LessonLogReturned>(code, CaseEventTypes.LessonLogReturned));

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

        // Its reminders are gone with it: nothing more about the case reaches the business managers
        // (the working-morning digest still comes, and no longer lists it).
        var before = _bot.PersonalMessagesTo(Bea).Count;
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddDays(200));
        Assert.DoesNotContain(_bot.PersonalMessagesTo(Bea).Skip(before), m => m.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_incomplete_referral_resubmitted_by_the_referrer_goes_back_to_the_panel()
    {
        foreach (var person in StatutoryPanel)
        {
            await _bot.PersonalInstallAsync(person);
        }

        var code = await _bot.ReferAsync(Bea);
        await _bot.PressAsync(Bea, code, "decide-alone", new JsonObject { ["outcomeAlone"] = "incomplete-referral", ["rationale"] = "The chronology of agency involvement is missing." });
        Assert.Equal(CaseStage.IncompleteResubmissionDue, (await _bot.CaseAsync(code)).Stage);

        // The referrer is told what is missing: the business manager's rationale.
        var letter = await _bot.WaitForSentMailAsync(code + ": threshold decision");
        Assert.Contains("The chronology of agency involvement is missing.", Body(letter), StringComparison.Ordinal);

        // Someone else quoting the code does not re-submit it.
        Assert.NotEqual($"re-submitted referral on {code}", await ReceiveAsync("someone@elsewhere.example", $"Updated referral {code}", "Here it is."));
        Assert.Equal(CaseStage.IncompleteResubmissionDue, (await _bot.CaseAsync(code)).Stage);

        Assert.Equal($"re-submitted referral on {code}", await ReceiveAsync("referrer@school.example", $"RE: {code}: threshold decision on your referral", "The updated referral with the chronology is attached."));
        var state = await _bot.CaseAsync(code);
        Assert.Equal(CaseStage.AwaitingDecision, state.Stage);
        Assert.Single(await _bot.EventsAsync<ReferralResubmitted>(code, CaseEventTypes.ReferralResubmitted));
        Assert.Contains("back with the panel for the threshold decision", await _bot.WaitForPersonalAsync(Bea, "sent the updated referral"), StringComparison.Ordinal);
    }

    private Task<string> ReceiveAsync(string from, string subject, string text) =>
        _bot.ReceiveMailAsync(TeamsReviewBot.Tests.Graph.TestMail.Plain(subject, text, from));
}
