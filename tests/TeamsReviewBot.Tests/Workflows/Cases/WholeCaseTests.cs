using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Process.SignOff;
using TeamsReviewBot.Process.Streams;
using TeamsReviewBot.Process.Timetable;
using TeamsReviewBot.Tests.Infrastructure;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>
/// One whole case per playbook, from referral to closure, on Azurite with a FakeTimeProvider and two
/// timer pumps, through a restart of the service. The agencies' returns come in a working day late,
/// so that deadline is escalated; everything else is done on its due day after its reminders.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class WholeCaseTests(AzuriteFixture azurite)
{
    // Maundy Thursday 2027: the case runs over Easter and the clocks going forward.
    private static readonly DateTimeOffset Received = London(2027, 3, 25, 10);

    private static readonly Actor Manager = new("7f1c0a52-0000-4000-8000-000000000001", "Bea Manager", Roles.BusinessManager, "partnership business unit");

    [Theory]
    [InlineData("oldham")]
    [InlineData("tameside")]
    [InlineData("salford")]
    [InlineData("west-midlands")]
    [InlineData("gloucestershire")]
    public async Task A_whole_case_goes_through_every_reminder_and_escalation_once(string partnership)
    {
        var world = new CaseWorld(azurite, Received);
        var (code, trail) = await RunStoryAsync(world, partnership);

        Assert.Empty(world.Problems);
        var state = await world.Service.FindAsync(code, CancellationToken.None);
        Assert.Equal(CaseStage.Closed, state!.Stage);
        Assert.Equal("Closed", (await world.Index.FindByCodeAsync(code))!.Stage);
        Assert.Equal(0, await world.TimerRowsAsync());

        // Where the playbook names a point to start the draft report (Oldham Day 8, 9 am), it came once.
        var playbook = Catalogue.Get(partnership);
        Assert.Equal(
            playbook.ReportDraft is { } rule ? [(code, WorkingDayCalendar.AtLondon(WorkingDays.AddWorkingDays(state!.DayZero, rule.WorkingDay), rule.Time))] : [],
            world.ReportDrafts.Fired);

        var history = await world.Service.HistoryAsync(code, CancellationToken.None);
        var reminders = history.Where(e => e.Type == CaseEventTypes.ReminderSent).Select(e => CaseJson.Read<ReminderSent>(e.Data)).ToList();
        var missed = history.Where(e => e.Type == CaseEventTypes.DeadlineMissed).Select(e => CaseJson.Read<DeadlineMissed>(e.Data)).ToList();
        var told = history.Where(e => e.Type == CaseEventTypes.BusinessManagersNotified).Select(e => CaseJson.Read<BusinessManagersNotified>(e.Data).NotificationId).ToList();

        // Only the late returns were missed, and the business managers heard of it once.
        Assert.Equal(["returns"], missed.Select(m => m.Deadline));
        Assert.Contains(reminders, r => r.Deadline == "returns" && r.Kind == ReminderKinds.OnTheDay);
        Assert.Equal(reminders.Select(r => r.TimerId).Concat(missed.Select(m => m.TimerId)).Order(), told.Order());
        Assert.Equal(told.Count, told.Distinct().Count());

        // Each of those reached the business managers in Teams once, by case code alone.
        Assert.Equal(told.Count, world.Alerts.Sentences.Count);
        Assert.All(world.Alerts.Sentences, sentence => Assert.StartsWith(code + ": ", sentence, StringComparison.Ordinal));

        // Each reminder came at the start of a working day, before its deadline.
        foreach (var (reminder, at) in history.Where(e => e.Type == CaseEventTypes.ReminderSent).Select(e => (CaseJson.Read<ReminderSent>(e.Data), e.OccurredAt)))
        {
            var local = WorkingDayCalendar.ToLondon(at);
            Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(local.DateTime));
            Assert.True(WorkingDays.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)));
            Assert.True(at < reminder.DueAt);
        }

        // The audit trail tells the story in order, one line per event, in words.
        Assert.Equal(history.Count, trail.Count);
        Assert.DoesNotContain(trail, line => line.Contains("(event", StringComparison.Ordinal));
        Assert.Equal(history.Select(e => e.OccurredAt).Order(), history.Select(e => e.OccurredAt));
        Assert.StartsWith("Thursday 25 March 2027, 10.05 am — Bea Manager (business manager, partnership business unit) opened case " + code, trail[0], StringComparison.Ordinal);
        Assert.EndsWith("closed the case: All afterwards steps done.", trail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Oldham_case_reads_as_a_true_story()
    {
        var world = new CaseWorld(azurite, Received);

        var (_, trail) = await RunStoryAsync(world, "oldham");

        // Timers due at the same instant fire in either order on two instances: both orders are true,
        // so lines of one instant are compared as a set, and instants in order.
        Assert.Equal(ByInstant(OldhamStory.Lines), ByInstant(trail));
    }

    private static List<string> ByInstant(IEnumerable<string> lines) =>
    [
        .. lines
            .Select((line, index) => (Instant: line.Split(" — ", 2)[0], Line: line, Index: index))
            .GroupBy(l => l.Instant)
            .OrderBy(g => g.Min(l => l.Index))
            .Select(g => g.Key + ": " + string.Join(" | ", g.Select(l => l.Line).Order(StringComparer.Ordinal))),
    ];

    /// <summary>Plays a case through its playbook; returns its code and rendered audit trail.</summary>
    private static async Task<(string Code, IReadOnlyList<string> Trail)> RunStoryAsync(CaseWorld world, string partnership)
    {
        var playbook = Playbook(partnership);
        var plan = world.Service.Schedule.Preview(playbook, Received);

        await world.RunUntilAsync(Received.AddMinutes(5));
        var opened = await world.Service.OpenAsync(partnership, CaseRules.Referral, Received, Manager, "Referral received by email to the partnership mailbox.", CancellationToken.None);
        var code = opened.CaseCode;
        Task<CaseState> Do(Func<CaseRules, CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> move) => world.Service.ExecuteAsync(code, move, CancellationToken.None);

        await world.RunUntilAsync(Received.AddMinutes(10));
        var state = await Do((r, s, now) => r.PutToPanel(s, Manager, now));

        // The threshold decision.
        if (playbook.Decision.BusinessManagerMayDecideAlone?.Contains("rapid-review") == true)
        {
            await world.RunUntilAsync(Received.AddMinutes(30));
            state = await Do((r, s, now) => r.BusinessManagerDecides(s, "rapid-review", "Obviously a rapid review: the child died and neglect was known.", Manager, now));
        }
        else
        {
            var voteAt = ActAt(plan.Get("decision"));
            var seats = playbook.Seats.Where(s => s.Votes).OrderBy(s => s.Partner == "local-authority" ? 1 : 0).ToList();
            for (var i = 0; i < seats.Count && state.Stage == CaseStage.AwaitingDecision; i++)
            {
                var seat = seats[i];
                var deputy = seat.DeputiesMayAct && i == 0;
                await world.RunUntilAsync(voteAt.AddMinutes(i));
                state = await Do((r, s, now) => r.CastVote(s, seat.Key, "rapid-review", "Serious harm; neglect suspected.", Person(seat, deputy), deputy, now));
            }
        }

        Assert.Equal(CaseStage.RapidReview, state.Stage);
        var timetable = world.Service.Schedule.Timetable(playbook, state);

        var notifyAt = timetable.Find("national-panel-notification") is { } notification ? ActAt(notification) : world.Clock.GetUtcNow().AddHours(1);
        var requestAt = ActAt(timetable.Get("information-requests"));
        var meetingAt = WorkingDayCalendar.AtLondon(timetable.Get(playbook.Meeting.Deadline).DueDate, new TimeOnly(10, 0));
        var moves = new List<(DateTimeOffset At, Func<CaseRules, CaseState, DateTimeOffset, IReadOnlyList<NewEvent>> Move)>
        {
            (notifyAt, (r, s, now) => r.NotifyNationalPanel(s, Manager, "Notified through the National Panel's online form.", now)),
            (requestAt, (r, s, now) => r.RequestInformation(s, ["GP practice", "Primary school", "Health visiting"], Manager, now)),
        };
        if (playbook.FindDeadline("meeting-booked") is not null)
        {
            // Salford books the meeting as the requests go out.
            moves.Add((requestAt.AddMinutes(1), (r, s, now) => r.ScheduleMeeting(s, meetingAt, Manager, now)));
        }

        foreach (var (at, move) in moves.OrderBy(m => m.At))
        {
            await world.RunUntilAsync(at);
            state = await Do(move);
        }

        // The returns come in a working day late: the deadline is escalated first.
        var returnsDue = world.Service.Schedule.Timetable(playbook, state).Get("returns");
        await world.RunUntilAsync(WorkingDayCalendar.AtLondon(WorkingDays.NextWorkingDay(returnsDue.DueDate), new TimeOnly(11, 0)));
        var overdue = (await world.Service.FindAsync(code, CancellationToken.None))!;
        Assert.True(overdue.ReturnsOverdue);
        Assert.Equal(overdue.Stage.ToString(), (await world.Index.FindByCodeAsync(code))!.Stage);
        state = await Do((r, s, now) => r.CompleteReturns(s, Manager, "The last agency return arrived.", now));

        // The service restarts: nothing in memory survives, the timers and streams do.
        world.Restart();

        if (state.MeetingAt is null)
        {
            await world.RunUntilAsync(world.Clock.GetUtcNow().AddMinutes(30));
            state = await Do((r, s, now) => r.ScheduleMeeting(s, meetingAt, Manager, now));
        }

        foreach (var step in StepsBefore(playbook, world.Service.Schedule.Timetable(playbook, state), meetingAt))
        {
            await world.RunUntilAsync(ActAt(step));
            state = await Do((r, s, now) => r.CompleteStep(s, step.Key, Manager, "Done.", now));
        }

        await world.RunUntilAsync(meetingAt.AddHours(2));
        state = await Do((r, s, now) => r.HoldMeeting(s, ["local-authority", "police", "health"], Manager, now));

        timetable = world.Service.Schedule.Timetable(playbook, state);
        var draftAt = timetable.Find("report") is { } report ? ActAt(report) : meetingAt.AddHours(5);
        await world.RunUntilAsync(draftAt);
        state = await Do((r, s, now) => r.DraftReport(s, Manager, now));

        // Steps between the draft and the partners' sign-off (Oldham's Review Panel sign-off, Day 12–13).
        var signOffDue = timetable.Get(playbook.SignOff.Deadline).DueAt;
        foreach (var step in timetable.For(OutcomeKind.RapidReview).Where(e => e.Rule.CompletedBy == Milestones.Step && !e.IsConditional && e.DueAt > meetingAt && e.DueAt < signOffDue).OrderBy(e => e.DueAt))
        {
            await world.RunUntilAsync(Later(ActAt(step), world.Clock.GetUtcNow().AddMinutes(30)));
            state = await Do((r, s, now) => r.CompleteStep(s, step.Key, Manager, "Panel comments in; signed off and sent to the statutory partners.", now));
        }

        var signAt = Later(ActAt(timetable.Get(playbook.SignOff.Deadline)), world.Clock.GetUtcNow().AddMinutes(10));
        var signers = playbook.SignOff.Seats.Take(playbook.SignOff.Required).ToList();
        if (playbook.SignOff.IndependentEndorsement == "required")
        {
            signers.Add(playbook.SignOff.IndependentSeat!);
        }

        if (playbook.SignOff.ComplianceCheck is not null)
        {
            // The business manager's check is of a version of the report: the one the partners sign.
            await world.RunUntilAsync(signAt.AddMinutes(-5));
            state = await Do((_, s, now) => ReportVersionRules.Add(s, new string('a', 64), "report.docx", 100, ReportVersionSources.Generated, Manager, "The report for sign-off.", now));
        }

        for (var i = 0; i < signers.Count; i++)
        {
            var seat = playbook.FindSeat(signers[i])!;
            var deputy = seat.DeputiesMayAct && i == signers.Count - 1;
            await world.RunUntilAsync(signAt.AddMinutes(i));
            state = await Do((r, s, now) => r.RecordSignOff(s, seat.Key, true, deputy, Person(seat, deputy), "I agree the recommendation.", now));
        }

        // Where the business manager checks the report too (Gloucestershire's WT2018 check), that completes the sign-off.
        if (playbook.SignOff.ComplianceCheck is not null)
        {
            await world.RunUntilAsync(signAt.AddMinutes(signers.Count));
            state = await Do((_, s, now) => ComplianceCheckRules.Confirm(playbook, s, "", Manager, signOffDue, now));
        }

        Assert.Equal(CaseStage.SignedOff, state.Stage);
        await world.RunUntilAsync(Later(ActAt(timetable.Get(playbook.Submission.Deadline)), world.Clock.GetUtcNow().AddMinutes(30)));
        state = await Do((r, s, now) => r.Submit(s, Manager, now));
        await world.RunUntilAsync(world.Clock.GetUtcNow().AddMinutes(5));
        state = await Do((r, s, now) => r.StartAfterwards(s, Manager, now));

        // Afterwards: the lesson log (where there is one) is moved a week at the agencies' request first.
        if (world.Service.Schedule.Timetable(playbook, state).Find("lesson-log") is { } lessonLog)
        {
            await world.RunUntilAsync(world.Clock.GetUtcNow().AddHours(1));
            var later = lessonLog.DueAt.AddDays(7);
            state = await Do((r, s, now) => r.MoveDeadline(s, "lesson-log", later, Manager, "Two agencies asked for another week.", now));
        }

        // Hand-marked steps are shown, not chased, so they are taken from the case's deadlines, not its open (chased) ones.
        var afterwardsSteps = world.Service.Schedule.Deadlines(playbook, state, world.Clock.GetUtcNow())
            .Where(d => d.Entry.Rule.CompletedBy == Milestones.Step && d.Status is DeadlineStatus.Due or DeadlineStatus.Overdue)
            .Select(d => d.Entry).OrderBy(e => e.DueAt).ToList();
        foreach (var step in afterwardsSteps)
        {
            await world.RunUntilAsync(Later(ActAt(step), world.Clock.GetUtcNow().AddMinutes(1)));
            state = await Do((r, s, now) => r.CompleteStep(s, step.Key, Manager, "Done.", now));
        }

        await world.RunUntilAsync(world.Clock.GetUtcNow().AddHours(1));
        await Do((r, s, now) => r.Close(s, Manager, "All afterwards steps done.", now));
        await world.RunUntilAsync(world.Clock.GetUtcNow().AddDays(200));

        var history = await world.Service.HistoryAsync(code, CancellationToken.None);
        return (code, AuditTrail.Render(playbook, history));
    }

    /// <summary>Steps marked by hand that fall before the meeting (papers out, the chair's chronology).</summary>
    private static IEnumerable<TimetableEntry> StepsBefore(Playbook playbook, CaseTimetable timetable, DateTimeOffset meetingAt) =>
        timetable.For(OutcomeKind.RapidReview).Where(e => e.Rule.CompletedBy == Milestones.Step && !e.IsConditional && e.DueAt < meetingAt).OrderBy(e => e.DueAt);

    /// <summary>When a diligent business unit acts on a deadline: 11 am on its day, or two hours before it falls due if that is earlier.</summary>
    private static DateTimeOffset ActAt(TimetableEntry entry)
    {
        var eleven = WorkingDayCalendar.AtLondon(entry.DueDate, new TimeOnly(11, 0));
        return eleven < entry.DueAt ? eleven : entry.DueAt.AddHours(-2);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static Actor Person(Seat seat, bool deputy) => deputy
        ? new("7f1c0a52-0000-4000-8000-0000000000d" + seat.Key.Length % 10, "Deputy " + seat.Partner, Roles.Deputy, seat.Title)
        : new("7f1c0a52-0000-4000-8000-0000000000a" + seat.Key.Length % 10, "Lead " + seat.Partner, Roles.PanelMember, seat.Title);
}
