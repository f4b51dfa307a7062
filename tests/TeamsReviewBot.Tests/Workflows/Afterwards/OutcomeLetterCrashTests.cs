using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Workflows.Afterwards.AfterwardsCase;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Afterwards;

/// <summary>
/// The bot stops between Graph sending an outcome letter and the case recording it: Graph sends the
/// letter but its answer never reaches the bot, and the host is disposed before it tries again. After a
/// restart each addressee has exactly one letter in the sandbox, each recorded once with the sent
/// message's own internetMessageId (the keyed draft-then-send finds the sent one, as the submission does).
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OutcomeLetterCrashTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PanelBot _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await PanelBot.StartAsync(azurite, "west-midlands", StatutoryPanel, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_letter_sent_but_not_recorded_when_the_bot_stops_is_found_after_the_restart_and_never_sent_twice()
    {
        var code = await RapidReviewAsync(_bot);
        await AgenciesAnsweredAsync(_bot, code);
        await MeetingHeldAsync(_bot, code, ReviewRecommendations.No);
        await SubmittedAsync(_bot, code);

        // Graph sends the first letter; its answer is lost, so the bot cannot record it, and the bot stops.
        // Earlier steps' emails have gone first, so the lost answer is the letter's.
        await _bot.BackgroundWorkDoneAsync();
        await _bot.Graph.FaultsAsync(new { loseSendAnswers = 1 });
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));
        var beforeCrash = await SentWithSubjectAsync(_bot, "Rapid Review outcome – " + code);
        for (var wait = 0; wait < 300 && beforeCrash.Count == 0; wait++)
        {
            // The pass may be the bot's own pump, woken by the clock: wait for Graph to have sent the letter.
            await Task.Delay(100);
            beforeCrash = await SentWithSubjectAsync(_bot, "Rapid Review outcome – " + code);
        }

        Assert.Single(beforeCrash);
        Assert.Empty(await _bot.EventsAsync<OutcomeLetterSent>(code, CaseEventTypes.OutcomeLetterSent));
        await _bot.RestartAsync();

        // The restarted bot's first pump pass may take the row at once; only if nothing moves is the
        // clock moved on past the stopped run's lease. It is never moved while a pass runs, which
        // would let a second pass take the row over from it.
        if (!await LettersOutWithinAsync(TimeSpan.FromSeconds(30)))
        {
            var lease = _bot.Services.GetRequiredService<IOptions<TimerPumpOptions>>().Value.Lease;
            await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow() + lease + TimeSpan.FromSeconds(1));
            Assert.True(await LettersOutWithinAsync(TimeSpan.FromSeconds(30)), "the letters were not all sent after the restart");
        }

        var letters = await SentWithSubjectAsync(_bot, "Rapid Review outcome – " + code);
        Assert.Equal(["lead@nursing.example.nhs.uk", "ppu@police.example.police.uk", "referrer@school.example"], letters.Select(To).Order());
        var recorded = await _bot.EventsAsync<OutcomeLetterSent>(code, CaseEventTypes.OutcomeLetterSent);
        Assert.Equal(3, recorded.Count);
        Assert.Equal(3, recorded.Select(r => r.Recipient).Distinct().Count());
        Assert.Equal(letters.Select(l => l.GetProperty("internetMessageId").GetString()).Order(), recorded.Select(r => r.MessageId).Order());
        var first = beforeCrash[0];
        Assert.Equal(first.GetProperty("internetMessageId").GetString(), recorded.Single(r => r.To.Contains(To(first))).MessageId);
        Assert.Equal(CaseStage.Closed, (await _bot.CaseAsync(code)).Stage);

        async Task<bool> LettersOutWithinAsync(TimeSpan limit)
        {
            var recorded = -1;
            var until = DateTime.UtcNow + limit;
            while (DateTime.UtcNow < until)
            {
                var state = await _bot.CaseAsync(code);
                if (!state.LettersOutstanding.Any())
                {
                    return true;
                }

                // Still moving: a pass is sending, so wait on for it.
                if (state.OutcomeLettersSent.Count != recorded)
                {
                    recorded = state.OutcomeLettersSent.Count;
                    until = DateTime.UtcNow + limit;
                }

                await Task.Delay(100);
            }

            return false;
        }
    }
}
