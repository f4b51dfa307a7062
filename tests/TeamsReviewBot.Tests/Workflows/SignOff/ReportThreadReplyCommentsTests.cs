using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Report;
using TeamsReviewBot.Workflows.SignOff;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// Comments given as replies in the case's channel thread, through /api/messages under a fake clock
/// (Oldham, window Day 11–13): a panel member's reply inside the window is a comment on the current
/// version with who and when, its text sealed with the case's key and never repeated in the channel
/// or a log; the thread card's count and list update. Outside the window, or from someone not on the
/// panel, a sentence in the thread and an entry on the case's audit trail. A command typed in the
/// thread is still a command.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReportThreadReplyCommentsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
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
    public async Task A_panel_members_reply_in_the_thread_is_a_sealed_comment_inside_the_window_and_refused_outside_it()
    {
        var code = await RapidReviewCaseWithReportAsync();
        var window = _bot!.Services.GetRequiredService<ReportThreadViews>().Window(await _bot.CaseAsync(code))!;

        // Before the window opens: a sentence in the thread, nothing recorded, the attempt audited.
        var early = await ReplyAsync(Lola, code, "<at>TeamsReviewBot</at> Section 2 needs the school's dates.");
        Assert.Contains("it has not opened yet", early, StringComparison.Ordinal);
        Assert.Contains("Your reply was not recorded as a comment", early, StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<ReportCommentAdded>(code, CaseEventTypes.ReportCommentAdded));

        await _bot.JumpAndFireTimersAsync(window.Opens.AddHours(1));

        // Someone not on the panel: refused, audited.
        var stranger = await ReplyAsync(Vic, code, "Looks fine to me.");
        Assert.Contains("Only members of the partnership's panel can comment on the report", stranger, StringComparison.Ordinal);
        var refusals = await _bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused);
        Assert.Equal(2, refusals.Count(r => r.Verb == "report-comment"));

        // A member's plain reply (no @mention, as Teams delivers it with ChannelMessage.Read.Group): a comment.
        var text = $"Section 2 should say {PanelBot.ChildName} was seen alone at the GP.";
        var activityId = Guid.NewGuid().ToString();
        Assert.Equal(string.Empty, await ReplyAsync(Lola, code, text, activityId));
        var comment = Assert.Single(await _bot.EventsAsync<ReportCommentAdded>(code, CaseEventTypes.ReportCommentAdded));
        Assert.Equal(("Lola Adeyemi", 1, ReportThreadReplies.Via, string.Empty), (comment.Actor.Name, comment.Version, comment.Via, comment.Text));
        Assert.Equal(text, await _bot.Services.GetRequiredService<SealedDetailsStore>().OpenAsync(code, comment.Sealed!));
        Assert.InRange(Assert.Single((await _bot.CaseAsync(code)).ReportComments).At, window.Opens.AddHours(1), window.Opens.AddHours(1).AddMinutes(1));

        // Teams delivering the same message again: one comment.
        await ReplyAsync(Lola, code, text, activityId, expectAnswer: false);
        Assert.Single(await _bot.EventsAsync<ReportCommentAdded>(code, CaseEventTypes.ReportCommentAdded));

        // The thread card shows who and when, and the count; never the text.
        var updated = await _bot.SharedCardAsync(code, json => json.Contains("Comment from Lola Adeyemi at", StringComparison.Ordinal), "the thread card listing Lola's reply");
        Assert.Contains("Comments so far: 1", PanelBot.Words(updated.Card), StringComparison.Ordinal);
        var channel = _bot.ChannelTraffic();
        Assert.DoesNotContain(PanelBot.ChildName, channel, StringComparison.Ordinal);
        Assert.DoesNotContain("seen alone at the GP", channel, StringComparison.Ordinal);
        Assert.True(_logs.Contains("Comment (thread reply) recorded on the report for case " + code), _logs.ToString());
        Assert.False(_logs.Contains(PanelBot.ChildName), "A log line names the child.");
        Assert.False(_logs.Contains("seen alone at the GP"), "A log line quotes the comment.");

        // A command typed in the thread is answered as a command, not taken as a comment.
        var command = await ReplyAsync(Bea, code, "<at>TeamsReviewBot</at> help");
        Assert.NotEqual(string.Empty, command);
        Assert.DoesNotContain("not recorded as a comment", command, StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<ReportCommentAdded>(code, CaseEventTypes.ReportCommentAdded));

        // After the window: refused.
        await _bot.JumpAndFireTimersAsync(window.Closes.AddMinutes(1));
        var late = await ReplyAsync(Pat, code, "One more thing.");
        Assert.Contains("it has closed", late, StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<ReportCommentAdded>(code, CaseEventTypes.ReportCommentAdded));
    }

    private async Task<string> RapidReviewCaseWithReportAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" }, services: s => s.AddSingleton<ILoggerProvider>(_logs));
        var code = await _bot.ReferAsync(Bea);
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await _bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        var draft = (await _bot.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default))!;
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(draft with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(draft.Content)) }, "generated", Actor.System, "Draft.", default);
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow());
        await _bot.Teams.WaitForCallAsync(c => c.Method == "POST" && PanelBot.Words(c.Card).Contains($"Rapid Review report for {code}: version 1", StringComparison.Ordinal), "the thread card for version 1");
        Assert.NotNull((await _bot.CaseAsync(code)).ReportVersionCards[1]);
        return code;
    }

    /// <summary>A reply in the case's thread, as Teams delivers it; returns the bot's answer in the thread ("" when it said nothing).</summary>
    private async Task<string> ReplyAsync(Person person, string code, string text, string? activityId = null, bool expectAnswer = true)
    {
        var thread = (await _bot!.CaseAsync(code)).Thread!;
        var id = activityId ?? Guid.NewGuid().ToString();
        var before = _bot.Teams.Calls.Count;
        var response = await _bot.PostAsync(new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["text"] = text,
            ["serviceUrl"] = _bot.Teams.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = person.From,
            ["recipient"] = new JsonObject { ["id"] = PanelBot.BotId, ["name"] = "TeamsReviewBot" },
            ["conversation"] = new JsonObject { ["id"] = thread.ThreadId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = PanelBot.Tenant },
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = PanelBot.Tenant },
                ["team"] = new JsonObject { ["id"] = PanelBot.Team },
                ["channel"] = new JsonObject { ["id"] = PanelBot.Channel },
            },
        });
        response.EnsureSuccessStatusCode();
        var answer = _bot.Teams.Calls.Skip(before).FirstOrDefault(c => c.Method == "POST" && c.Path.EndsWith("/activities/" + id, StringComparison.Ordinal));
        if (answer is null && expectAnswer && !text.Contains(PanelBot.ChildName, StringComparison.Ordinal))
        {
            answer = await _bot.Teams.WaitForCallAsync(c => c.Method == "POST" && c.Path.EndsWith("/activities/" + id, StringComparison.Ordinal), "the bot's answer in the thread");
        }

        return answer is null ? string.Empty : answer.Text + PanelBot.Words(answer.Card);
    }
}
