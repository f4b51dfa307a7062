using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Intake;
using TeamsReviewBot.Tests.Graph;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;

namespace TeamsReviewBot.Tests.Workflows.Intake;

public sealed class ProcessReferralCaseOpenerTests
{
    [Fact]
    public async Task Opening_a_reserved_code_again_after_a_crash_opens_the_same_single_case()
    {
        await using var local = await LocalIntake.StartAsync();
        var opener = local.Services.GetRequiredService<IReferralCaseOpener>();
        var receivedAt = DateTimeOffset.UtcNow;
        var details = ReferralFormReader.Read(Referrals.GmFormBuilder.Filled().Build()).Details;
        var intake = new ReferralIntake(local.Mailbox, "<retry@x>", "m1", null, receivedAt, TestMail.Referrer, details, []);

        var code = await opener.ReserveCodeAsync(receivedAt, CancellationToken.None);
        var first = await opener.OpenAsync(code, intake, CancellationToken.None);
        var again = await opener.OpenAsync(code, intake, CancellationToken.None);

        Assert.True(first.NewlyOpened);
        Assert.False(again.NewlyOpened);
        var types = (await local.CaseEventsAsync(code)).Select(e => e.Type).ToList();
        Assert.Equal(1, types.Count(t => t == "CaseOpened"));
        Assert.Equal(1, types.Count(t => t == IntakeEventTypes.ReferralReceived));
        Assert.Single(await local.CasesAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_ticked_Child_Suicide_factor_on_the_GM_form_makes_Oldhams_Brief_Learning_Review_a_chased_deadline(bool ticked)
    {
        // seed-000 §10 BLR: mandatory after a child's suicide; the GM form's Case Factors item 5 (§2.2).
        await using var local = await LocalIntake.StartAsync();
        var opener = local.Services.GetRequiredService<IReferralCaseOpener>();
        var cases = local.Services.GetRequiredService<TeamsReviewBot.Workflows.Cases.CaseService>();
        var receivedAt = DateTimeOffset.UtcNow;
        var form = Referrals.GmFormBuilder.Filled();
        var details = ReferralFormReader.Read((ticked ? form.Tick("Child Suicide") : form).Build()).Details;
        var intake = new ReferralIntake(local.Mailbox, "<factor@x>", "m1", null, receivedAt, TestMail.Referrer, details, []);

        var code = await opener.ReserveCodeAsync(receivedAt, CancellationToken.None);
        await opener.OpenAsync(code, intake, CancellationToken.None);

        var state = (await cases.FindAsync(code, CancellationToken.None))!;
        Assert.Equal(ticked, state.CaseFactors.Contains("Child Suicide"));
        Assert.Contains("Physical abuse", state.CaseFactors);
        var playbook = cases.Playbooks.Get(state.Partnership);
        Assert.Equal(ticked, cases.Schedule.Open(playbook, state).Any(e => e.Key == "brief-learning-review"));
        Assert.Equal(ticked, cases.PlanReminders(playbook, state, receivedAt).Any(p => p.Deadline == "brief-learning-review"));
    }

    [Fact]
    public async Task The_National_Panels_date_is_recorded_once_on_an_existing_case_and_refused_for_an_unknown_one()
    {
        await using var local = await LocalIntake.StartAsync();
        var opener = local.Services.GetRequiredService<IReferralCaseOpener>();
        var code = await opener.ReserveCodeAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        await opener.OpenAsync(code, new ReferralIntake(local.Mailbox, "<r@x>", "m", null, DateTimeOffset.UtcNow, null, null, []), CancellationToken.None);

        await opener.RecordPanelResponseDateAsync(code, new DateOnly(2027, 1, 14), "<panel@x>", CancellationToken.None);
        await opener.RecordPanelResponseDateAsync(code, new DateOnly(2027, 1, 14), "<panel@x>", CancellationToken.None);

        Assert.Equal(1, (await local.CaseEventsAsync(code)).Count(e => e.Type == IntakeEventTypes.NationalPanelResponseExpected));
        await Assert.ThrowsAsync<InvalidOperationException>(() => opener.RecordPanelResponseDateAsync("RR-OLD-2026-9999", new DateOnly(2027, 1, 14), "<p2@x>", CancellationToken.None));
    }
}
