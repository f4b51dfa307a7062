using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Cases;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.Afterwards;

/// <summary>
/// Gloucestershire, seed-004 §5 WD 8 row (L130): "Email notification to the GSCP Business unit from the
/// National Panel indicating a Serious Incident has been logged and setting out the Panels expected
/// response Date from the SAFEGUARDING PARTNERSHIP." The date is when the Panel expects the
/// partnership's response, the Rapid Review report: once recorded it is a deadline met by the
/// submission, reminded and escalated like the WD 15 one beside it.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class NationalPanelExpectedResponseTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Received = London(2027, 1, 11, 10);
    private static readonly Actor Manager = new("7f1c0a52-0000-4000-8000-000000000001", "Bea Manager", Roles.BusinessManager, "partnership business unit");

    [Fact]
    public async Task The_Panels_expected_response_date_becomes_a_deadline_met_by_the_submission_with_reminders()
    {
        var world = new CaseWorld(azurite, Received);
        var playbook = world.Service.Playbooks.Get("gloucestershire");
        var code = (await world.Service.OpenAsync("gloucestershire", CaseRules.Referral, Received, Manager, "Serious Incident Notification received.", CancellationToken.None)).CaseCode;
        await world.Service.ExecuteAsync(code, (r, s, now) => s.Stage == CaseStage.Referred ? r.PutToPanel(s, Manager, now) : [], CancellationToken.None);
        foreach (var seat in playbook.Seats.Where(s => s.Votes))
        {
            await world.Service.ExecuteAsync(code, (r, s, now) => s.Stage == CaseStage.AwaitingDecision ? r.CastVote(s, seat.Key, "rapid-review", "Serious harm; neglect suspected.", new Actor("id-" + seat.Key, "Lead " + seat.Key, Roles.PanelMember, seat.Key), false, now) : [], CancellationToken.None);
        }

        var state = await world.Service.LoadAsync(code, CancellationToken.None);
        Assert.Equal(CaseStage.RapidReview, state.Stage);
        Assert.DoesNotContain(world.Service.Schedule.Open(playbook, state), e => e.Key == "panel-expected-response");

        // The Panel's email says it expects the response by Thursday 28 January 2027, a day before WD 15
        // (Friday 29 January: working day 1 is the notification day, Monday 11 January).
        var expected = new DateOnly(2027, 1, 28);
        state = (await world.Service.DecideAsync(code, (s, now) => IntakeRules.RecordPanelResponseDate(s, new NationalPanelResponseExpected("<si-logged@panel.example>", expected), now), CancellationToken.None)).State;

        var timetable = world.Service.Schedule.Timetable(playbook, state);
        var deadline = timetable.Get("panel-expected-response");
        Assert.Equal(expected, deadline.DueDate);
        Assert.Equal(WorkingDayCalendar.AtLondon(expected, playbook.Clock.WorkingDayEnds), deadline.DueAt);
        Assert.True(deadline.DueAt < timetable.Get("submission").DueAt);
        Assert.Contains(world.Service.Schedule.Open(playbook, state), e => e.Key == "panel-expected-response");
        Assert.Contains(world.Service.PlanReminders(playbook, state, world.Clock.GetUtcNow()), p => p.Id.Contains("panel-expected-response", StringComparison.Ordinal));

        // On the day, the business managers hear of it; when it passes unmet, it is escalated.
        await world.RunUntilAsync(deadline.DueAt.AddHours(-3));
        Assert.Contains(world.Alerts.Sentences, s => s.Contains("'Rapid Review report with the National Panel by the date it expects' is due today", StringComparison.Ordinal));
        await world.RunUntilAsync(deadline.DueAt.AddMinutes(1));
        Assert.Contains(world.Alerts.Sentences, s => s.Contains("'Rapid Review report with the National Panel by the date it expects' was due", StringComparison.Ordinal));

        // A date falling on a weekend is met by the working day before it.
        var saturday = new DateOnly(2027, 1, 30);
        state = (await world.Service.DecideAsync(code, (s, now) => IntakeRules.RecordPanelResponseDate(s, new NationalPanelResponseExpected("<si-logged-2@panel.example>", saturday), now), CancellationToken.None)).State;
        Assert.Equal(new DateOnly(2027, 1, 29), world.Service.Schedule.Timetable(playbook, state).Get("panel-expected-response").DueDate);
    }

    [Fact]
    public async Task A_Panel_date_before_Day_15_is_told_to_the_business_managers_once_and_shown_as_the_date_to_meet()
    {
        var world = new CaseWorld(azurite, Received);
        var playbook = world.Service.Playbooks.Get("gloucestershire");
        var code = await RapidReviewAsync(world, playbook);

        // The Panel's date is Day 15 itself (Friday 29 January 2027): nothing to tell.
        await RecordAsync(world, code, "<si-logged@panel.example>", new DateOnly(2027, 1, 29));
        await world.RunUntilAsync(world.Clock.GetUtcNow().AddMinutes(5));
        Assert.DoesNotContain(world.Alerts.Sentences, s => s.Contains("the Panel's date is the one to meet", StringComparison.Ordinal));

        // A second email brings it forward to Wednesday 27 January, before working day 15: the business managers
        // hear it once, the deadline named as Gloucestershire's timetable numbers it (seed-004 L125, L134: "14 – 15").
        await RecordAsync(world, code, "<si-logged-2@panel.example>", new DateOnly(2027, 1, 27));
        await world.RunUntilAsync(world.Clock.GetUtcNow().AddMinutes(5));
        var told = $"{code}: the National Panel expects the Rapid Review report by Wednesday 27 January 2027, 5 pm, before the case's own working day 15 deadline (Friday 29 January 2027, 5 pm): the Panel's date is the one to meet.";
        Assert.Equal([told], world.Alerts.Sentences.Where(s => s.Contains("the one to meet", StringComparison.Ordinal)));

        // The same email read again, a restart and a day later: still told only once.
        await RecordAsync(world, code, "<si-logged-2@panel.example>", new DateOnly(2027, 1, 27));
        world.Restart();
        await world.RunUntilAsync(world.Clock.GetUtcNow().AddDays(1));
        Assert.Single(world.Alerts.Sentences, s => s.Contains("the one to meet", StringComparison.Ordinal));

        // The case's timetable says which date to meet.
        var state = await world.Service.LoadAsync(code, CancellationToken.None);
        var timetable = world.Service.Schedule.Timetable(playbook, state);
        var text = TeamsReviewBot.Cards.TimetableCard.CaseText(state, timetable, world.Service.Schedule.Deadlines(playbook, state, world.Clock.GetUtcNow()));
        Assert.Contains("Note: the National Panel expects the Rapid Review report by Wednesday 27 January 2027, 5 pm, before the case's own working day 15 deadline", text, StringComparison.Ordinal);
        Assert.Contains("working day 1 is Monday 11 January 2027", text, StringComparison.Ordinal);
    }

    private static async Task<string> RapidReviewAsync(CaseWorld world, TeamsReviewBot.Process.Playbooks.Playbook playbook)
    {
        var code = (await world.Service.OpenAsync("gloucestershire", CaseRules.Referral, Received, Manager, "Serious Incident Notification received.", CancellationToken.None)).CaseCode;
        await world.Service.ExecuteAsync(code, (r, s, now) => s.Stage == CaseStage.Referred ? r.PutToPanel(s, Manager, now) : [], CancellationToken.None);
        foreach (var seat in playbook.Seats.Where(s => s.Votes))
        {
            await world.Service.ExecuteAsync(code, (r, s, now) => s.Stage == CaseStage.AwaitingDecision ? r.CastVote(s, seat.Key, "rapid-review", "Serious harm; neglect suspected.", new Actor("id-" + seat.Key, "Lead " + seat.Key, Roles.PanelMember, seat.Key), false, now) : [], CancellationToken.None);
        }

        return code;
    }

    private static async Task<CaseState> RecordAsync(CaseWorld world, string code, string messageId, DateOnly expected) =>
        (await world.Service.DecideAsync(code, (s, now) => IntakeRules.RecordPanelResponseDate(s, new NationalPanelResponseExpected(messageId, expected), now), CancellationToken.None)).State;
}
