using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Afterwards;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Afterwards;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Timers;
using static TeamsReviewBot.Tests.Workflows.Afterwards.AfterwardsCase;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Afterwards;

/// <summary>
/// After the submission, through the bot's timers and the Graph sandbox: the outcome letters the seed
/// asks for go to the referrer and each agency that returned information (none to one that held no
/// records), word for word from the seed's rule, each once across a repeat firing and a restart; the
/// case closes when nothing remains open; "cases" hides it unless asked; retention erases the child's
/// details and records it.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OutcomeLettersTests(AzuriteFixture azurite) : IAsyncLifetime
{
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
    public async Task West_Midlands_tells_the_referrer_and_the_agencies_that_took_part_once_then_closes_and_erases_after_retention()
    {
        _bot = await PanelBot.StartAsync(azurite, "west-midlands", StatutoryPanel, new Dictionary<string, string?>
        {
            ["Timers:PollInterval"] = "01:00:00",
            ["Afterwards:RetentionAfterClosure"] = "30.00:00:00",
        });
        var code = await RapidReviewAsync(_bot);
        await AgenciesAnsweredAsync(_bot, code);
        await MeetingHeldAsync(_bot, code, ReviewRecommendations.No);
        await SubmittedAsync(_bot, code);
        var timers = _bot.Services.GetRequiredService<DurableTimerStore>();
        Assert.NotNull(await timers.FindAsync(AfterwardsPoint.TimerId(code)));

        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var letters = await SentWithSubjectAsync(_bot, "Rapid Review outcome – " + code);
        Assert.Equal(["lead@nursing.example.nhs.uk", "ppu@police.example.police.uk", "referrer@school.example"], letters.Select(To).Order());
        const string SeedRule = "\"Agencies (including the agency who made the referral) are informed of the outcome of the Rapid Review\"";
        foreach (var letter in letters)
        {
            var body = Body(letter);
            Assert.Contains(SeedRule, body, StringComparison.Ordinal);
            Assert.Contains("The Rapid Review Template and accompanying letter were sent to the National Panel on", body, StringComparison.Ordinal);
            Assert.Contains("the Rapid Review does not recommend a Local Child Safeguarding Practice Review", body, StringComparison.Ordinal);
            Assert.DoesNotContain(PanelBot.ChildName, body, StringComparison.Ordinal);
            Assert.DoesNotContain(PanelBot.ChildAddress, body, StringComparison.Ordinal);
            Assert.DoesNotContain("information sharing between school and health", body, StringComparison.Ordinal);
        }

        Assert.Contains("You made the referral", Body(letters.Single(l => To(l) == "referrer@school.example")), StringComparison.Ordinal);
        Assert.Contains("Dear Safeguarding Lead, Police Public Protection", Body(letters.Single(l => To(l) == "ppu@police.example.police.uk")), StringComparison.Ordinal);

        var planned = Assert.Single(await _bot.EventsAsync<OutcomeLettersPlanned>(code, CaseEventTypes.OutcomeLettersPlanned));
        Assert.Equal("Housing Services", Assert.Single(planned.Withheld).Name);
        Assert.Equal(3, (await _bot.EventsAsync<OutcomeLetterSent>(code, CaseEventTypes.OutcomeLetterSent)).Count);

        // Nothing else is tracked once the meeting recommends no review: the case closed by itself.
        var state = await _bot.CaseAsync(code);
        Assert.Equal(CaseStage.Closed, state.Stage);
        var notice = await _bot.WaitForPersonalAsync(Bea, "afterwards steps have started");
        Assert.Contains("No letter for Housing Services (held no records of the child or family)", notice, StringComparison.Ordinal);
        await _bot.WaitForPersonalAsync(Bea, "is closed: nothing remains open");

        // A repeat firing and a restart send nothing again.
        await _bot.Services.GetServices<ITimerHandler>().OfType<AfterwardsTimerHandler>().Single().HandleAsync(new DurableTimer(AfterwardsPoint.TimerId(code), AfterwardsPoint.TimerKind, code, state.SubmittedAt!.Value, "{}"), default);
        await _bot.RestartAsync();
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(5));
        Assert.Equal(3, (await SentWithSubjectAsync(_bot, "Rapid Review outcome – " + code)).Count);

        // "cases" lists open cases only; "cases closed" shows this one.
        await _bot.SayAsync(Bea, "cases");
        var open = await _bot.WaitForPersonalAsync(Bea, "open cases");
        Assert.DoesNotContain(code, open, StringComparison.Ordinal);
        await _bot.SayAsync(Bea, "cases closed");
        var closed = await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Bea.TeamsId, StringComparison.Ordinal) && (c.Card?.ToJsonString() ?? c.Text).Contains(code, StringComparison.Ordinal), "the closed cases");
        Assert.Contains("closed", closed.Card?.ToJsonString() ?? closed.Text, StringComparison.Ordinal);

        // Retention: 30 days after closure the sealed details are erased and the erasure recorded; the trail stays.
        var vault = _bot.Services.GetRequiredService<ReferralVault>();
        var returnFiles = _bot.Services.GetRequiredService<TeamsReviewBot.Storage.InformationRequests.ReturnFileStore>();
        Assert.NotNull(await vault.OpenAsync(code, default));
        Assert.NotNull(await returnFiles.FindAsync(ReturnFileId(code, Nursing)));
        Assert.Equal(2, await ReturnBlobsOfAsync(code));
        await _bot.JumpAndFireTimersAsync(state.ClosedAt!.Value.AddDays(30).AddMinutes(-1));
        Assert.NotNull(await vault.OpenAsync(code, default));
        await _bot.JumpAndFireTimersAsync(state.ClosedAt!.Value.AddDays(30));
        Assert.Null(await vault.OpenAsync(code, default));
        Assert.Null(await returnFiles.FindAsync(ReturnFileId(code, Nursing)));
        Assert.Null(await returnFiles.FindAsync(ReturnFileId(code, Police)));
        Assert.Equal(0, await ReturnBlobsOfAsync(code));
        var erased = Assert.Single(await _bot.EventsAsync<ChildDetailsErased>(code, CaseEventTypes.ChildDetailsErased));
        Assert.True(erased.RecordsErased > 0);
        Assert.Contains(await _bot.StreamAsync(code), e => e.Type == CaseEventTypes.OutcomeLetterSent);
    }

    /// <summary>The blobs holding the case's returned files, in the returns container.</summary>
    private async Task<int> ReturnBlobsOfAsync(string code)
    {
        var container = _bot!.Services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>()
            .GetBlobContainerClient(_bot.Services.GetRequiredService<TableNames>().ReturnFileContainer);
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = code + "/" }))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Tameside_updates_the_referrer_alone_in_the_seeds_words()
    {
        _bot = await PanelBot.StartAsync(azurite, "tameside", StatutoryPanel, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" });
        var code = await RapidReviewAsync(_bot);
        await AgenciesAnsweredAsync(_bot, code);
        await MeetingHeldAsync(_bot, code, ReviewRecommendations.Yes);
        await SubmittedAsync(_bot, code);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var letter = Assert.Single(await SentWithSubjectAsync(_bot, "Rapid Review progress – " + code));
        Assert.Equal("referrer@school.example", To(letter));
        Assert.Contains("\"The referrer will be updated as to the progress of the case if taken forward into any form of learning pathway.\"", Body(letter), StringComparison.Ordinal);
        Assert.Contains("the Rapid Review recommends a Local Child Safeguarding Practice Review", Body(letter), StringComparison.Ordinal);

        // A review was decided: the LCSPR is open, so the case stays open and is chased.
        var state = await _bot.CaseAsync(code);
        Assert.Equal(CaseStage.Afterwards, state.Stage);
        Assert.Contains(_bot.Services.GetRequiredService<CaseService>().Schedule.Open(_bot.Services.GetRequiredService<CaseService>().Playbooks.Get("tameside"), state), e => e.Key == "lcspr");
    }

    [Fact]
    public async Task Salford_quotes_its_procedure_to_the_referrer_and_agencies()
    {
        _bot = await PanelBot.StartAsync(azurite, "salford", SalfordPanel.Concat([Pat, Hana]).ToList(), new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" });
        var code = await SalfordRapidReviewAsync(_bot);
        await AgenciesAnsweredAsync(_bot, code);
        await MeetingHeldAsync(_bot, code, ReviewRecommendations.No);
        await SubmittedAsync(_bot, code);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(1));

        var letters = await SentWithSubjectAsync(_bot, "Rapid Review outcome – " + code);
        Assert.Equal(3, letters.Count);
        Assert.All(letters, l => Assert.Contains("Our procedure says: \"Other agencies (including the agency who made the referral) should also be informed of the outcome\"", Body(l), StringComparison.Ordinal));
        Assert.Equal(CaseStage.Closed, (await _bot.CaseAsync(code)).Stage);
    }

    private static async Task<string> SalfordRapidReviewAsync(PanelBot bot)
    {
        await bot.PersonalInstallAsync(Bea);
        var code = await bot.ReferAsync(Bea);
        await Do(bot, code, (r, s, n) => s.Stage == CaseStage.Referred ? r.PutToPanel(s, Manager, n) : []);
        await Do(bot, code, (r, s, n) => r.BusinessManagerDecides(s, "rapid-review", "Plainly meets the criteria.", Manager, n));
        Assert.Equal(OutcomeKind.RapidReview, (await bot.CaseAsync(code)).OutcomeKind);
        return code;
    }
}
