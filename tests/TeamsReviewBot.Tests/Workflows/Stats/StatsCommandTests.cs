using System.Text.Json.Nodes;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Process.Export;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.Stats;

/// <summary>
/// "stats [from] [to]" through /api/messages under a fake clock: two Oldham referrals, one decided,
/// give a card with the bot's chart as a PNG inside it and the figures as text, and the CSV by email
/// from the partnership mailbox; bad dates get the right form, and a panel member is refused.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StatsCommandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BeaEmail = "bea.manning@oscp.example.gov.uk";
    private PanelBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?>
        {
            ["Partnership:People:0:Email"] = BeaEmail,
            ["Timers:PollInterval"] = "01:00:00",
        });
        await _bot.PersonalInstallAsync(Bea);
        await _bot.PersonalInstallAsync(Lola);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_business_manager_sees_the_figures_with_a_chart_and_gets_the_csv_by_email()
    {
        var decided = await _bot.ReferAsync(Bea);
        await _bot.VoteAsync(Lola, decided, "rapid-review", "Injuries inconsistent with the explanation.");
        await _bot.VoteAsync(Pat, decided, "rapid-review", "Police investigation opened.");
        await _bot.VoteAsync(Dev, decided, "rapid-review", "Health agrees: serious harm.");
        await _bot.ReferAsync(Bea);

        await _bot.SayAsync(Bea, "stats 2026-11-01 30/11/2026");
        var call = await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Bea.TeamsId, StringComparison.Ordinal) && c.Text.Contains("2 referrals received", StringComparison.Ordinal), "the stats card");
        var card = call.Body!["attachments"]![0]!["content"]!.AsObject();
        var words = PanelBot.Words(card);

        var image = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "Image")!;
        var url = image["url"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        var png = Convert.FromBase64String(url["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Equal(640, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        Assert.InRange((png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23], 200, 1024);
        Assert.Contains("Virtual Panel threshold decision: 1 of 1 met (100%)", image["altText"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Contains("2 referrals received Sunday 1 November 2026 to Monday 30 November 2026", words, StringComparison.Ordinal);
        Assert.Contains("Progression to Rapid Review", words, StringComparison.Ordinal);
        Assert.Contains("Not yet decided", words, StringComparison.Ordinal);
        Assert.Contains("Hollybank Primary School", words, StringComparison.Ordinal);
        Assert.Contains("median 0, longest 0 (1 case)", words, StringComparison.Ordinal);
        Assert.Contains($"emailed to {BeaEmail}", words, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, words, StringComparison.Ordinal);

        var mail = await _bot.WaitForSentMailAsync("Rapid Review statistics 2026-11-01 to 2026-11-30");
        Assert.Equal(BeaEmail, mail.GetProperty("to")[0].GetString());
        var attachment = mail.GetProperty("attachments")[0];
        Assert.Equal("Rapid Review statistics 2026-11-01 to 2026-11-30.csv", attachment.GetProperty("name").GetString());
        var rows = CsvText.Read(Convert.FromBase64String(attachment.GetProperty("contentBytes").GetString()!));
        Assert.Contains(rows, r => r[0] == "referrals" && r[1] == "total" && r[2] == "2");
        Assert.Contains(rows, r => r[0] == "decisions by outcome" && r[1] == "Progression to Rapid Review" && r[2] == "1");
        Assert.Contains(rows, r => r[0] == "referrals by source" && r[1] == "Hollybank Primary School" && r[2] == "2");

        // The same figures asked for again are not mailed twice.
        await _bot.SayAsync(Bea, "stats 2026-11-01 2026-11-30");
        await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Bea.TeamsId, StringComparison.Ordinal) && PanelBot.Words(c.Body).Contains($"These same figures were already emailed to {BeaEmail}", StringComparison.Ordinal), "the second stats card");
        Assert.Single(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.StartsWith("Rapid Review statistics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_dates_get_the_right_form_and_a_panel_member_is_refused()
    {
        await _bot.SayAsync(Bea, "stats last month");
        await _bot.WaitForPersonalAsync(Bea, "Please type: stats [‹from date›] [‹to date›]");
        await _bot.SayAsync(Bea, "stats 2026-12-01 2026-11-01");
        await _bot.Teams.WaitForAsync(_ => _bot.PersonalMessagesTo(Bea).Count(m => m.Contains("the first no later than the second", StringComparison.Ordinal)) == 2);

        await _bot.SayAsync(Lola, "stats");
        await _bot.WaitForPersonalAsync(Lola, "Only a business manager can see the partnership's statistics.");
        Assert.DoesNotContain(await _bot.Graph.SentAsync(PanelBot.Mailbox), m => m.GetProperty("subject").GetString()!.StartsWith("Rapid Review statistics", StringComparison.Ordinal));
    }
}
