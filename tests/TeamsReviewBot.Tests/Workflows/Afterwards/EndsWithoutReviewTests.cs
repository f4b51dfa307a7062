using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.Afterwards.AfterwardsCase;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Afterwards;

/// <summary>
/// A case decided without a Rapid Review owes only what its seed says: the referrer told the decision
/// and its rationale, and its learning route's own steps. Once those are done it closes by itself,
/// through the bot's timers and the Graph sandbox under a fake clock.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class EndsWithoutReviewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string DecisionLetter = "threshold decision on your referral";

    private PanelBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task No_further_action_closes_once_the_referrer_has_the_rationale()
    {
        // seed-000 §3 outcome 1: "the OSCP business manager will give a clear rationale for this decision to the referrer".
        _bot = await StartAsync("oldham", StatutoryPanel);
        var code = await DecidedByPanelAsync("no-further-action", "Themes already identified in a recent review.");
        await ReferrerToldAsync(code);

        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var state = await _bot.CaseAsync(code);
        Assert.Equal(CaseStage.Closed, state.Stage);
        Assert.Contains("needs no Rapid Review", await _bot.WaitForPersonalAsync(Bea, "needs no Rapid Review"), StringComparison.Ordinal);
        await _bot.WaitForPersonalAsync(Bea, "is closed: nothing remains open");
        var trail = string.Join("\n", AuditTrail.Render(_bot.Services.GetRequiredService<CaseService>().Playbooks.Get("oldham"), await _bot.StreamAsync(code)));
        Assert.Contains("Owed before the case closes: The referrer is given the decision and a clear rationale for it.", Assert.Single(await _bot.EventsAsync<AfterwardsStarted>(code, CaseEventTypes.AfterwardsStarted)).Reason, StringComparison.Ordinal);
        Assert.Contains("Nothing remains open: The referrer is given the decision and a clear rationale for it.", trail, StringComparison.Ordinal);

        // Once, across a repeat firing and a restart.
        await _bot.RestartAsync();
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddHours(1));
        Assert.Single(await _bot.EventsAsync<Closed>(code, CaseEventTypes.Closed));
        Assert.Single(await SentWithSubjectAsync(_bot, DecisionLetter));
    }

    [Fact]
    public async Task No_further_action_the_bot_could_not_email_stays_open_until_the_business_manager_says_the_referrer_was_told()
    {
        // No partnership mailbox connected: the bot cannot send the decision letter itself.
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00", ["Graph:Mailbox"] = "" });
        var code = await DecidedByPanelAsync("no-further-action", "Reviewed under another process (a DHR).");
        await _bot.WaitForPersonalAsync(Bea, "please send them the decision and its rationale");
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var started = await _bot.WaitForPersonalAsync(Bea, "needs no Rapid Review");
        Assert.Contains("decision-to-referrer (The referrer is given the decision and a clear rationale for it)", started, StringComparison.Ordinal);
        Assert.Equal(CaseStage.NoFurtherAction, (await _bot.CaseAsync(code)).Stage);

        await _bot.SayAsync(Bea, $"done {code} decision-to-referrer Told by telephone on 24 November.");

        var reply = await _bot.WaitForPersonalAsync(Bea, "is marked done");
        Assert.Contains($"Nothing remains open, so case {code} is now closed.", reply, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Closed, (await _bot.CaseAsync(code)).Stage);
        Assert.Equal("Told by telephone on 24 November.", Assert.Single(await _bot.EventsAsync<StepCompleted>(code, CaseEventTypes.StepCompleted)).Reason);
    }

    [Fact]
    public async Task A_practice_learning_review_is_chased_through_its_hub_and_scrutiny_steps_then_closes()
    {
        // seed-000 §10 pathway 3: "WEEK 4 – Hub meeting determine suitability & priority";
        // "Report submitted for scrutiny within 6 weeks of initial decision".
        _bot = await StartAsync("oldham", StatutoryPanel);
        var code = await DecidedByPanelAsync("practice-learning-review", "Learning on neglect, not notifiable.");
        await ReferrerToldAsync(code);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var started = await _bot.WaitForPersonalAsync(Bea, "needs no Rapid Review");
        Assert.Contains("learning-hub (Case discussed at the Safeguarding Review and Learning Hub, due", started, StringComparison.Ordinal);
        Assert.Contains("learning-review-scrutiny (Practice Learning Review report submitted for scrutiny, due", started, StringComparison.Ordinal);
        Assert.DoesNotContain("moderation", started, StringComparison.Ordinal);
        var state = await _bot.CaseAsync(code);
        Assert.Equal(CaseStage.Afterwards, state.Stage);

        // The hub step is chased: the business managers hear on the day, and when it passes undone.
        var cases = _bot.Services.GetRequiredService<CaseService>();
        var hubDue = cases.Schedule.Timetable(cases.Playbooks.Get("oldham"), state).Get("learning-hub").DueAt;
        Assert.Equal(WorkingDayCalendar.LondonDate(state.DecidedAt!.Value).AddDays(28), WorkingDayCalendar.LondonDate(hubDue));
        await _bot.JumpAndFireTimersAsync(hubDue.AddHours(-2));
        await _bot.WaitForPersonalAsync(Bea, "'Case discussed at the Safeguarding Review and Learning Hub' is due today");
        await _bot.JumpAndFireTimersAsync(hubDue.AddMinutes(1));
        await _bot.WaitForPersonalAsync(Bea, "'Case discussed at the Safeguarding Review and Learning Hub' was due");

        await _bot.SayAsync(Bea, $"done {code} learning-hub Suitable; priority two.");
        var first = await _bot.WaitForPersonalAsync(Bea, "\"Case discussed at the Safeguarding Review and Learning Hub\" is marked done");
        Assert.Contains("learning-review-scrutiny", first, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Afterwards, (await _bot.CaseAsync(code)).Stage);

        await _bot.SayAsync(Bea, $"done {code} learning-review-scrutiny Report with the scrutiny group.");
        var last = await _bot.WaitForPersonalAsync(Bea, "\"Practice Learning Review report submitted for scrutiny\" is marked done");
        Assert.Contains($"case {code} is now closed", last, StringComparison.Ordinal);
        Assert.Equal(CaseStage.Closed, (await _bot.CaseAsync(code)).Stage);
    }

    [Fact]
    public async Task Tameside_audit_and_assurance_owes_its_week_6_and_week_12_steps()
    {
        // seed-001 §5 audit and assurance: "WEEK 6 – Practice Review Panel determine suitability & priority"; "WEEK 12 – Report submitted for scrutiny".
        _bot = await StartAsync("tameside", StatutoryPanel);
        var code = await DecidedByPanelAsync("audit-and-assurance", "Learning about local practice; not notifiable.");
        await ReferrerToldAsync(code);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var rules = new AfterwardsRules(_bot.Services.GetRequiredService<CaseService>().Playbooks.Get("tameside"), _bot.Services.GetRequiredService<CaseService>().Schedule);
        var open = rules.OpenItems(await _bot.CaseAsync(code));
        Assert.Equal(["audit-report", "audit-suitability"], open.Select(i => i.Key).Order());
        Assert.DoesNotContain(rules.Items(await _bot.CaseAsync(code)), i => i.Key is "lcspr" or "referrer-update");
    }

    [Fact]
    public async Task Salfords_case_review_is_due_in_45_working_days_reminded_escalated_movable_and_done()
    {
        // seed-002 §10 (L163): "There is no statutory timescale and 45 working days has been set by Salford Practice Review Group."
        _bot = await StartAsync("salford", SalfordPanel);
        await _bot.PersonalInstallAsync(Bea);
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Ian, code, "salford-case-review", "Clear multi-agency learning; not a rapid review.");
        await _bot.VoteAsync(Chloe, code, "salford-case-review", "Agree: an independent report would help.");
        await ReferrerToldAsync(code);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var cases = _bot.Services.GetRequiredService<CaseService>();
        var playbook = cases.Playbooks.Get("salford");
        var state = await _bot.CaseAsync(code);
        var due = cases.Schedule.Timetable(playbook, state).Get("local-case-review");
        var decidedOn = WorkingDayCalendar.LondonDate(state.DecidedAt!.Value);
        Assert.Equal(45, cases.Schedule.Calendar.WorkingDaysBetween(decidedOn, due.DueDate));
        Assert.Contains($"local-case-review (Salford Case Review completed, due {BritishDates.DateAndTime(due.DueAt)})", await _bot.WaitForPersonalAsync(Bea, "needs no Rapid Review"), StringComparison.Ordinal);

        // Reminded on the day it is due, escalated when it passes.
        await _bot.JumpAndFireTimersAsync(due.DueAt.AddHours(-2));
        await _bot.WaitForPersonalAsync(Bea, "'Salford Case Review completed' is due today");
        await _bot.JumpAndFireTimersAsync(due.DueAt.AddMinutes(1));
        await _bot.WaitForPersonalAsync(Bea, "'Salford Case Review completed' was due");

        // Moved with a reason, then done: the case closes.
        var later = due.DueDate.AddDays(14);
        await _bot.SayAsync(Bea, $"move {code} local-case-review {later:dd/MM/yyyy} the independent reviewer asked for two more weeks");
        await _bot.WaitForPersonalAsync(Bea, "\"Salford Case Review completed\" moved from");
        var moved = Assert.Single(await _bot.EventsAsync<DeadlineMoved>(code, CaseEventTypes.DeadlineMoved));
        Assert.Equal("local-case-review", moved.Deadline);
        Assert.Equal(later, WorkingDayCalendar.LondonDate(cases.Schedule.Timetable(playbook, await _bot.CaseAsync(code)).Get("local-case-review").DueAt));

        await _bot.SayAsync(Bea, $"done {code} local-case-review Report agreed by the Practice Review Group.");
        Assert.Contains($"case {code} is now closed", await _bot.WaitForPersonalAsync(Bea, "\"Salford Case Review completed\" is marked done"), StringComparison.Ordinal);
        Assert.Equal(CaseStage.Closed, (await _bot.CaseAsync(code)).Stage);
    }

    private Task<PanelBot> StartAsync(string partnership, IReadOnlyList<Person> people) =>
        PanelBot.StartAsync(azurite, partnership, people, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" });

    private async Task<string> DecidedByPanelAsync(string outcome, string rationale)
    {
        foreach (var person in StatutoryPanel)
        {
            await _bot!.PersonalInstallAsync(person);
        }

        var code = await _bot!.ReferAsync(Bea);
        await VoteUntilDecidedAsync(code, outcome, rationale);
        return code;
    }

    private async Task VoteUntilDecidedAsync(string code, string outcome, string rationale)
    {
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot!.CaseAsync(code)).Decision is null)
            {
                await _bot.VoteAsync(voter, code, outcome, rationale);
            }
        }

        Assert.Equal(outcome, (await _bot!.CaseAsync(code)).Decision?.Outcome);
    }

    /// <summary>The decision's own follow-up emails the referrer and records it; wait for the record.</summary>
    private async Task ReferrerToldAsync(string code)
    {
        for (var i = 0; i < 600 && (await _bot!.CaseAsync(code)).ReferrerInformed is null; i++)
        {
            await Task.Delay(100);
        }

        var told = (await _bot!.CaseAsync(code)).ReferrerInformed;
        Assert.NotNull(told);
        Assert.Equal(told.MessageId, Assert.Single(await SentWithSubjectAsync(_bot, DecisionLetter)).GetProperty("internetMessageId").GetString());
    }
}
