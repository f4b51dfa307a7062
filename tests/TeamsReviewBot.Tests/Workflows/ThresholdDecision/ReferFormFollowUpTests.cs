using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.Intake;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.ThresholdDecision;

/// <summary>
/// As deployed, the refer form answers once the case is opened and put to the panel; its thread and
/// decision window follow from the follow-up row written with those events, also after a restart,
/// and a form pressed again uses no second case code.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReferFormFollowUpTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> Deployed = new() { ["CaseFollowUps:RunBeforeReply"] = "false" };

    [Fact]
    public async Task A_case_opened_just_before_the_bot_stopped_gets_its_panel_thread_once_after_the_restart()
    {
        await using var bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, Deployed, services: BackgroundLoops.TakeOut);
        bot.AwaitFollowUps = false;
        await bot.PersonalInstallAsync(Bea);

        // The answer goes before the thread is posted: it says so, and the case is already put to the panel.
        var answer = PanelBot.Words(await bot.SubmitReferFormAsync(Bea, await bot.OpenReferFormAsync(Bea)));
        var code = Regex.Match(answer, @"\bCase (RR-OLD-2026-\d{4})").Groups[1].Value;
        Assert.Contains("is being posted in the panel channel now", answer, StringComparison.Ordinal);
        var opened = await bot.CaseAsync(code);
        Assert.Equal(CaseStage.AwaitingDecision, opened.Stage);
        Assert.Null(opened.Thread);
        Assert.DoesNotContain(bot.Teams.Calls, c => c.Path == "/v3/conversations" && c.Body?.ToJsonString().Contains(code, StringComparison.Ordinal) == true);
        var rows = bot.Services.GetRequiredService<CaseFollowUpRows>();
        Assert.NotNull(await rows.FindAsync(code));

        // Started again as deployed: the follow-up worker's first look posts the thread and sets the window.
        await bot.RestartAsync(services: _ => { });
        bot.AwaitFollowUps = true;
        await LocalIntake.WaitUntilAsync(async () => await rows.FindAsync(code) is null, "the follow-up row done");
        await bot.FollowUpsDoneAsync();
        Assert.Equal(0, await bot.Services.GetRequiredService<CaseFollowUpWorker>().SweepAsync(CancellationToken.None));

        var posted = await bot.CaseAsync(code);
        Assert.NotNull(posted.Thread);
        Assert.Single(bot.Teams.Calls, c => c.Path == "/v3/conversations" && c.Body?.ToJsonString().Contains(code, StringComparison.Ordinal) == true);
        Assert.Single(await bot.EventsAsync<PanelThreadOpened>(code, PanelEventTypes.PanelThreadOpened));
        Assert.Single(await bot.EventsAsync<PutToPanel>(code, CaseEventTypes.PutToPanel));
        var window = await bot.Services.GetRequiredService<DurableTimerStore>().FindAsync(code, DecisionWindowPoint.TimerId(code));
        Assert.Equal(bot.Services.GetRequiredService<CaseService>().Schedule.Timetable(bot.Services.GetRequiredService<TeamsReviewBot.Process.Playbooks.PlaybookCatalogue>().Get("oldham"), posted).Get("decision").DueAt, window?.DueAt);

        // The panel can vote on it.
        await bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        Assert.Single(await bot.EventsAsync<VoteCast>(code, CaseEventTypes.VoteCast));
    }

    [Fact]
    public async Task A_form_pressed_again_after_opening_its_case_names_that_case_and_the_next_form_takes_the_next_code()
    {
        await using var bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, Deployed);
        await bot.PersonalInstallAsync(Bea);
        var form = await bot.OpenReferFormAsync(Bea);
        var first = PanelBot.Words(await bot.SubmitReferFormAsync(Bea, form));
        var code = Regex.Match(first, @"\bCase (RR-OLD-2026-(\d{4}))").Groups;

        var again = PanelBot.Words(await bot.SubmitReferFormAsync(Bea, form));
        var next = await bot.ReferAsync(Bea);

        Assert.Contains($"already opened case {code[1].Value}", again, StringComparison.Ordinal);
        Assert.Equal($"RR-OLD-2026-{int.Parse(code[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1:D4}", next);
        Assert.Single(await bot.StreamAsync(code[1].Value), e => e.Type == CaseEventTypes.CaseOpened);
        Assert.Single(bot.Teams.Calls, c => c.Path == "/v3/conversations" && c.Body?.ToJsonString().Contains(code[1].Value, StringComparison.Ordinal) == true);
    }
}
