using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Workflows.Afterwards.AfterwardsCase;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Afterwards;

/// <summary>
/// A letter timer rewritten while its letter is on its way: one instance has claimed the case's
/// afterwards timer and is sending the first outcome letter (the sandbox holds the draft in flight),
/// while the case's timers are reconciled (recording the start of the afterwards steps moves the
/// timer's due time) and reconciled again. A second instance's pump then runs. The claim must survive
/// the rewrite, so the second pump leaves the timer to its holder, and each addressee gets one letter.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class LetterTimerRewriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    // The bot's own pump sleeps for a week of the test's clock, so only the passes the test starts run.
    public async Task InitializeAsync() =>
        _bot = await PanelBot.StartAsync(azurite, "west-midlands", StatutoryPanel, new Dictionary<string, string?> { ["Timers:PollInterval"] = "7.00:00:00" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_letter_timer_rewritten_while_its_letter_is_in_flight_stays_with_its_holder_and_no_letter_goes_twice()
    {
        var code = await RapidReviewAsync(_bot);
        await AgenciesAnsweredAsync(_bot, code);
        await MeetingHeldAsync(_bot, code, ReviewRecommendations.No);
        await SubmittedAsync(_bot, code);
        await _bot.FollowUpsDoneAsync();
        var store = _bot.Services.GetRequiredService<DurableTimerStore>();
        var timerId = AfterwardsPoint.TimerId(code);
        var submittedAt = (await _bot.CaseAsync(code)).SubmittedAt!.Value;
        Assert.Equal(submittedAt, (await store.FindAsync(code, timerId))!.DueAt);

        // The first instance claims the timer and starts the letters; Graph holds the first draft.
        _bot.Clock.JumpTo(_bot.Clock.GetUtcNow().AddMinutes(1));
        var hold = _bot.Graph.State.Faults.HoldNextDraft();
        var first = _bot.Services.GetRequiredService<TimerPump>();
        var firstPass = Task.Run(() => first.RunOnceAsync(CancellationToken.None));
        var secondFired = -1;
        try
        {
            await hold.Entered.WaitAsync(TimeSpan.FromSeconds(60));

            // The start of the afterwards steps is recorded, and the case's timers follow it: the
            // afterwards timer is rewritten with its new due time while the letter is in flight. A
            // second reconcile (as CaseFollowUpWorker runs after any append) changes nothing more.
            await _bot.FollowUpsDoneAsync();
            var cases = _bot.Services.GetRequiredService<CaseService>();
            var startedAt = (await _bot.CaseAsync(code)).AfterwardsAt!.Value;
            Assert.NotEqual(submittedAt, startedAt);
            Assert.Equal(startedAt, (await store.FindAsync(code, timerId))!.DueAt);
            await cases.ReconcileAsync(code, null, null, CancellationToken.None);

            // Another instance's pump comes round while the letter is still in flight.
            var second = ActivatorUtilities.CreateInstance<TimerPump>(_bot.Services);
            Assert.NotEqual(first.InstanceId, second.InstanceId);
            secondFired = await second.RunOnceAsync(CancellationToken.None);
        }
        finally
        {
            hold.Release();
        }

        await firstPass.WaitAsync(TimeSpan.FromSeconds(60));
        await _bot.FollowUpsDoneAsync();

        // Past the first claim's lease, the pump runs again: nothing is left to send.
        var lease = _bot.Services.GetRequiredService<IOptions<TimerPumpOptions>>().Value.Lease;
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow() + lease + TimeSpan.FromSeconds(1));
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow() + lease + TimeSpan.FromSeconds(1));

        var letters = await SentWithSubjectAsync(_bot, "Rapid Review outcome – " + code);
        Assert.Equal(["lead@nursing.example.nhs.uk", "ppu@police.example.police.uk", "referrer@school.example"], letters.Select(To).Order());
        var recorded = await _bot.EventsAsync<OutcomeLetterSent>(code, CaseEventTypes.OutcomeLetterSent);
        Assert.Equal(letters.Select(l => l.GetProperty("internetMessageId").GetString()).Order(), recorded.Select(r => r.MessageId).Order());
        Assert.Equal(0, secondFired);
        Assert.Equal(CaseStage.Closed, (await _bot.CaseAsync(code)).Stage);
        Assert.Null(await store.FindAsync(code, timerId));
    }
}
