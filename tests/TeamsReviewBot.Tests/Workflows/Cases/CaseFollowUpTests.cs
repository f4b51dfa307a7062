using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Cases;

/// <summary>A case's index row and timers follow each append after the reply, and are never lost.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseFollowUpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?> { ["CaseFollowUps:RunBeforeReply"] = "false" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_deciding_vote_s_timers_and_index_row_follow_the_reply()
    {
        var code = await _bot.ReferAsync(Bea);
        await Pending.WhenIdleAsync();
        var decisionReminders = DecisionReminderIds(await _bot.CaseAsync(code));
        Assert.NotEmpty(decisionReminders);
        foreach (var id in decisionReminders)
        {
            Assert.NotNull(await Timers.FindAsync(code, id));
        }

        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        var decided = await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        await Pending.WhenIdleAsync();

        foreach (var id in decisionReminders)
        {
            Assert.Null(await Timers.FindAsync(code, id));
        }

        Assert.Equal(nameof(CaseStage.RapidReview), (await Index.FindByCodeAsync(code))!.Stage);
        Assert.Null(await Owed.FindAsync(code));
    }

    [Fact]
    public async Task Follow_ups_owed_when_the_bot_stopped_are_done_after_it_starts_again()
    {
        var code = await _bot.ReferAsync(Bea);
        await Pending.WhenIdleAsync();
        var decisionReminders = DecisionReminderIds(await _bot.CaseAsync(code));
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await Pending.WhenIdleAsync();

        // The instance stops following up (as one that stops right after its reply): the deciding
        // vote is answered, and what it owes is recorded with it, not yet done.
        await _bot.Services.GetRequiredService<CaseFollowUpWorker>().StopAsync(CancellationToken.None);
        _bot.AwaitFollowUps = false;
        var decided = await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        Assert.NotNull(await Owed.FindAsync(code));
        Assert.NotNull(await Timers.FindAsync(code, decisionReminders[0]));
        Assert.NotEqual(nameof(CaseStage.RapidReview), (await Index.FindByCodeAsync(code))!.Stage);

        await _bot.RestartAsync();
        _bot.AwaitFollowUps = true;
        Assert.True(await _bot.Services.GetRequiredService<CaseFollowUpWorker>().SweepAsync(CancellationToken.None) >= 1);
        await Pending.WhenIdleAsync();

        foreach (var id in decisionReminders)
        {
            Assert.Null(await Timers.FindAsync(code, id));
        }

        Assert.Equal(nameof(CaseStage.RapidReview), (await Index.FindByCodeAsync(code))!.Stage);
        Assert.Null(await Owed.FindAsync(code));

        // Done once: a second look finds nothing owed.
        Assert.Equal(0, await _bot.Services.GetRequiredService<CaseFollowUpWorker>().SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_case_s_events_read_back_without_its_follow_up_row()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.Services.GetRequiredService<CaseFollowUpWorker>().StopAsync(CancellationToken.None);
        _bot.AwaitFollowUps = false;
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");

        Assert.NotNull(await Owed.FindAsync(code));
        var stream = await _bot.StreamAsync(code);
        Assert.Equal(Enumerable.Range(1, stream.Count).Select(i => (long)i), stream.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_follow_up_owing_a_row_overwritten_by_the_decision_moves_the_timers_the_decision_calls_for()
    {
        var code = await _bot.ReferAsync(Bea);
        await Pending.WhenIdleAsync();
        var decisionReminders = DecisionReminderIds(await _bot.CaseAsync(code));
        Assert.NotEmpty(decisionReminders);

        // The first vote is followed up here: this instance knows the timers as it left them then.
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await Pending.WhenIdleAsync();

        // The second vote and the deciding vote are answered before any follow-up runs, so the row
        // the first of them wrote is overwritten by the decision's before it is followed up.
        var worker = _bot.Services.GetRequiredService<CaseFollowUpWorker>();
        await worker.StopAsync(CancellationToken.None);
        _bot.AwaitFollowUps = false;
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        var decided = await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        Assert.NotNull(await Timers.FindAsync(code, decisionReminders[0]));

        await worker.FollowUpAsync(code, CancellationToken.None);

        foreach (var id in decisionReminders)
        {
            Assert.Null(await Timers.FindAsync(code, id));
        }

        Assert.Equal(nameof(CaseStage.RapidReview), (await Index.FindByCodeAsync(code))!.Stage);
        Assert.Null(await Owed.FindAsync(code));
    }

    [Fact]
    public async Task After_a_restart_a_vote_s_follow_up_reads_the_timers_and_puts_back_one_that_went_missing()
    {
        var code = await _bot.ReferAsync(Bea);
        await Pending.WhenIdleAsync();
        var decisionReminders = DecisionReminderIds(await _bot.CaseAsync(code));
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await Pending.WhenIdleAsync();

        // A reminder gone from storage behind this instance's back, then a restart: the new
        // instance knows nothing of the timers, so the next vote's follow-up reads them and sees it.
        Assert.True(await Timers.CancelAsync(code, decisionReminders[0]));
        await _bot.RestartAsync();
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await Pending.WhenIdleAsync();

        foreach (var id in decisionReminders)
        {
            Assert.NotNull(await Timers.FindAsync(code, id));
        }

        Assert.Null(await Owed.FindAsync(code));
    }

    [Fact]
    public async Task A_decision_s_window_timer_goes_with_its_timer_changes_even_under_a_note_that_never_kept_the_window()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await Pending.WhenIdleAsync();
        var window = DecisionWindowPoint.TimerId(code);
        Assert.NotNull(await Timers.FindAsync(code, window));

        // The timers' note as a version that did not keep the window's due time wrote it, then a restart.
        var stored = await Timers.ReadAsync(code);
        var note = JsonNode.Parse(stored.Note!.Text)!.AsObject();
        Assert.True(note.Remove("decisionWindowDueAt"));
        Assert.True(await Timers.ApplyAsync(code, [], [], new NoteChange(note.ToJsonString(), stored.Note.ETag)));
        await _bot.RestartAsync();

        var decided = await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        Assert.Contains("Decision: Progression to Rapid Review", PanelBot.Words(decided), StringComparison.Ordinal);
        await Pending.WhenIdleAsync();

        Assert.Null(await Timers.FindAsync(code, window));
        Assert.Null(await Owed.FindAsync(code));
    }

    [Fact]
    public async Task After_a_decision_s_letter_and_notice_the_timers_stand_as_a_fresh_reconcile_would_leave_them()
    {
        var code = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, code, "rapid-review", "Suspected abuse: the injury does not fit the account.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await _bot.VoteAsync(Hana, code, "rapid-review", "Health agrees: serious harm.");
        await Pending.WhenIdleAsync();
        await _bot.WaitForSentMailAsync(code);
        Assert.Null(await Owed.FindAsync(code));

        // The follow-up's look after the letter and the notice read no timers. A restarted instance,
        // which remembers nothing, reads them and the case: it finds nothing to change, so writes nothing.
        var left = await Timers.ReadAsync(code);
        await _bot.RestartAsync();
        await _bot.Services.GetRequiredService<CaseService>().ReconcileAsync(code, null, null, CancellationToken.None);
        var after = await Timers.ReadAsync(code);
        Assert.Equal(left.Note!.ETag, after.Note!.ETag);
        Assert.Equal(
            left.Timers.Select(t => (t.Id, t.DueAt, t.Payload)).Order(),
            after.Timers.Select(t => (t.Id, t.DueAt, t.Payload)).Order());
    }

    [Fact]
    public async Task An_opening_s_follow_up_run_again_after_its_timers_were_set_finds_them_and_posts_the_thread_once()
    {
        // The instance stops following up: the refer form is answered, and its follow-up row owes
        // everything from the case's empty stream.
        var worker = _bot.Services.GetRequiredService<CaseFollowUpWorker>();
        await worker.StopAsync(CancellationToken.None);
        _bot.AwaitFollowUps = false;
        var code = await _bot.ReferAsync(Bea);
        var row = await Owed.FindAsync(code);
        Assert.Equal(0, row!.FromVersion);

        // A first run set the timers and the index, then the instance stopped before the row's delete.
        var cases = _bot.Services.GetRequiredService<CaseService>();
        await cases.ReconcileAsync(code, row, CancellationToken.None);
        var decisionReminders = DecisionReminderIds(await _bot.CaseAsync(code));
        Assert.NotEmpty(decisionReminders);
        Assert.NotNull(await Timers.FindAsync(code, DecisionWindowPoint.TimerId(code)));

        // Run again (as the sweep would): it writes without reading first, learns from the note's
        // collision that the timers are set, reads them, and goes on to the thread.
        await worker.FollowUpAsync(code, CancellationToken.None);

        Assert.NotNull((await _bot.CaseAsync(code)).Thread);
        Assert.Single(_bot.Teams.Calls, c => c.Path == "/v3/conversations" && c.Body?.ToJsonString().Contains(code, StringComparison.Ordinal) == true);
        Assert.NotNull(await Timers.FindAsync(code, DecisionWindowPoint.TimerId(code)));
        foreach (var id in decisionReminders)
        {
            Assert.NotNull(await Timers.FindAsync(code, id));
        }

        Assert.Equal(nameof(CaseStage.AwaitingDecision), (await Index.FindByCodeAsync(code))!.Stage);
        Assert.Null(await Owed.FindAsync(code));
    }

    private PendingCaseFollowUps Pending => _bot.Services.GetRequiredService<PendingCaseFollowUps>();

    private DurableTimerStore Timers => _bot.Services.GetRequiredService<DurableTimerStore>();

    private CaseIndexStore Index => _bot.Services.GetRequiredService<CaseIndexStore>();

    private CaseFollowUpRows Owed => _bot.Services.GetRequiredService<CaseFollowUpRows>();

    private List<string> DecisionReminderIds(CaseState state)
    {
        var service = _bot.Services.GetRequiredService<CaseService>();
        return [.. service.PlanReminders(service.Playbooks.Get(state.Partnership), state, _bot.Clock.GetUtcNow()).Where(p => p.Deadline == "decision").Select(p => p.Id)];
    }
}
