using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Reminders;
using TeamsReviewBot.Tests.Infrastructure;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Workflows.Cases;

[Collection(AzuriteGroup.Name)]
public sealed class CaseServiceTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Received = London(2027, 1, 11, 10);

    private static readonly string[] PartnerSeats = ["la", "police", "health"];

    private static readonly Actor Manager = new("7f1c0a52-0000-4000-8000-000000000001", "Bea Manager", Roles.BusinessManager, "partnership business unit");

    [Fact]
    public async Task Votes_racing_on_two_instances_record_the_decision_once()
    {
        var world = new CaseWorld(azurite, Received);
        var opened = await world.Service.OpenAsync("tameside", CaseRules.Referral, Received, Manager, "Referral received.", CancellationToken.None);
        await world.Service.ExecuteAsync(opened.CaseCode, (r, s, now) => r.PutToPanel(s, Manager, now), CancellationToken.None);
        var instances = new[] { world.Service, world.OtherInstance(), world.OtherInstance() };

        await Task.WhenAll(PartnerSeats.Select((seat, i) => instances[i].ExecuteAsync(
            opened.CaseCode,
            (r, s, now) => r.CastVote(s, seat, "rapid-review", "Serious harm.", new Actor("id-" + seat, "Lead " + seat, Roles.PanelMember, seat), false, now),
            CancellationToken.None)));

        var history = await world.Service.HistoryAsync(opened.CaseCode, CancellationToken.None);
        Assert.Equal(3, history.Count(e => e.Type == CaseEventTypes.VoteCast));
        Assert.Single(history, e => e.Type == CaseEventTypes.DecisionRecorded);
        Assert.Equal(CaseStage.RapidReview, (await world.OtherInstance().FindAsync(opened.CaseCode, CancellationToken.None))!.Stage);
    }

    [Fact]
    public async Task Opening_a_case_schedules_its_reminders_and_completing_a_step_cancels_them()
    {
        var world = new CaseWorld(azurite, Received);
        var opened = await world.Service.OpenAsync("oldham", CaseRules.Referral, Received, Manager, "Referral received.", CancellationToken.None);
        var decisionTimers = world.Service.PlanReminders(Playbook("oldham"), opened, Received).Where(p => p.Deadline == "decision").ToList();

        Assert.Equal([ReminderKinds.OnTheDay, ReminderKinds.Missed], decisionTimers.Select(p => p.Kind));
        foreach (var plan in decisionTimers)
        {
            Assert.NotNull(await world.Timers.FindAsync(plan.Id));
        }

        await world.Service.ExecuteAsync(opened.CaseCode, (r, s, now) => r.PutToPanel(s, Manager, now), CancellationToken.None);
        foreach (var seat in PartnerSeats)
        {
            await world.Service.ExecuteAsync(opened.CaseCode, (r, s, now) => r.CastVote(s, seat, "no-further-action", "Accidental injury.", new Actor("id-" + seat, "Lead " + seat, Roles.PanelMember, seat), false, now), CancellationToken.None);
        }

        foreach (var plan in decisionTimers)
        {
            Assert.Null(await world.Timers.FindAsync(plan.Id));
        }

        Assert.Equal("NoFurtherAction", (await world.Index.FindByCodeAsync(opened.CaseCode))!.Stage);
    }

    [Fact]
    public async Task A_refused_move_stores_nothing()
    {
        var world = new CaseWorld(azurite, Received);
        var opened = await world.Service.OpenAsync("salford", CaseRules.Referral, Received, Manager, "Referral received.", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() => world.Service.ExecuteAsync(opened.CaseCode, (r, s, now) => r.Submit(s, Manager, now), CancellationToken.None));

        Assert.StartsWith("The report is submitted only on a case going to Rapid Review", refused.Message, StringComparison.Ordinal);
        Assert.Single(await world.Service.HistoryAsync(opened.CaseCode, CancellationToken.None));
    }
}
