using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Calendar;
using TeamsReviewBot.Process.Report;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Report;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Report;

/// <summary>Oldham's Day 8 (seed-000 §8.2): the draft report is generated on a durable timer and
/// emailed to the chair and the business manager, once.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReportDraftTimerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BeaEmail = "bea.manning@oscp.example.gov.uk";
    private const string ChloeEmail = "chloe.fenn@oscp.example.gov.uk";
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?>
        {
            ["Partnership:People:0:Email"] = BeaEmail,
            ["Partnership:People:6:AadObjectId"] = Chloe.AadObjectId,
            ["Partnership:People:6:Name"] = Chloe.Name,
            ["Partnership:People:6:Role"] = "Chair",
            ["Partnership:People:6:Email"] = ChloeEmail,
        });
        await _bot.PersonalInstallAsync(Bea);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task On_Day_8_at_9am_the_draft_goes_to_the_chair_and_the_business_manager_once()
    {
        var code = await _bot.ReferAsync(Bea);
        var timers = _bot.Services.GetRequiredService<DurableTimerStore>();
        Assert.Null(await timers.FindAsync(ReportDraftPoint.TimerId(code)));

        await _bot.VoteAsync(Lola, code, "rapid-review", "Injuries inconsistent with the explanation.");
        await _bot.VoteAsync(Pat, code, "rapid-review", "Police investigation opened.");
        await _bot.VoteAsync(Hana, code, "rapid-review", "Serious harm.");

        var timer = await timers.FindAsync(ReportDraftPoint.TimerId(code));
        Assert.NotNull(timer);
        // Received Monday 23 November 2026 at 9 am (Day 0); Day 8 is Thursday 3 December.
        Assert.Equal(WorkingDayCalendar.AtLondon(new DateOnly(2026, 12, 3), new TimeOnly(9, 0)), timer.DueAt);

        await _bot.JumpAndFireTimersAsync(timer.DueAt.AddMinutes(-1));
        Assert.Empty(await DraftMailsAsync());

        await _bot.JumpAndFireTimersAsync(timer.DueAt);
        var notice = await _bot.WaitForPersonalAsync(Bea, "draft Rapid Review report");
        Assert.Contains("Chloe Fenn", notice, StringComparison.Ordinal);
        var sent = await DraftMailsAsync();
        Assert.Equal([BeaEmail, ChloeEmail], sent.Select(m => m.GetProperty("to")[0].GetString()).Order());
        Assert.All(sent, m => Assert.Equal(1, m.GetProperty("attachments").GetArrayLength()));

        // A second firing (a retry after a crash) sends nothing again.
        await _bot.Services.GetServices<TeamsReviewBot.Workflows.Timers.ITimerHandler>().OfType<ReportDraftTimerHandler>().Single().HandleAsync(timer, default);
        Assert.Equal(2, (await DraftMailsAsync()).Count);
        Assert.Single(_bot.PersonalMessagesTo(Bea), m => m.Contains("draft Rapid Review report", StringComparison.Ordinal));

        foreach (var detail in new[] { PanelBot.ChildName, PanelBot.ChildAddress })
        {
            Assert.DoesNotContain(detail, notice, StringComparison.Ordinal);
            Assert.DoesNotContain(detail, _bot.ChannelTraffic(), StringComparison.Ordinal);
        }
    }

    private async Task<List<System.Text.Json.JsonElement>> DraftMailsAsync() =>
        [.. (await _bot.Graph.SentAsync(PanelBot.Mailbox)).Where(m => m.GetProperty("subject").GetString()!.Contains(": draft report, version 1", StringComparison.Ordinal))];
}
