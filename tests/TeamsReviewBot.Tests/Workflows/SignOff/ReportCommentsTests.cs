using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Report;
using TeamsReviewBot.Workflows.SignOff;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// The report's card in the case's thread, through /api/messages under a fake clock: it shows the
/// version, its hash and the comment window (Oldham Day 11–13); panel members comment with the
/// card's text box inside the window; the thread shows "comment from X at T", never the text; a
/// non-member or a comment outside the window is refused in a sentence and audited; a new version
/// gets its own card and the partners get the sign-off card again, told their answers are void.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReportCommentsTests(AzuriteFixture azurite) : IAsyncLifetime
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
    public async Task Oldham_panel_comments_inside_Day_11_to_13_and_the_thread_shows_who_and_when_only()
    {
        var code = await RapidReviewCaseAsync();
        await AddVersionAsync(code, "v1");
        await _bot!.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow());
        var card = await ThreadCardAsync(code, 1);
        var words = PanelBot.Words(card);
        Assert.Contains("not open yet", words, StringComparison.Ordinal);
        var window = _bot.Services.GetRequiredService<ReportThreadViews>().Window(await _bot.CaseAsync(code))!;
        Assert.Contains(window.Describe(), words, StringComparison.Ordinal);

        // Before the window opens: refused in a sentence and audited.
        var early = await CommentAsync(Lola, card, "Section 2 needs the school's dates.");
        Assert.Contains("it has not opened yet", PanelBot.Words(early), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<ReportCommentAdded>(code, CaseEventTypes.ReportCommentAdded));

        await _bot.JumpAndFireTimersAsync(window.Opens.AddHours(1));

        // Someone not on the panel: refused and audited.
        var stranger = await CommentAsync(Vic, card, "Looks fine to me.");
        Assert.Contains("not listed as one, so nothing was recorded", PanelBot.Words(stranger), StringComparison.Ordinal);
        var refusals = await _bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused);
        Assert.Equal(2, refusals.Count(r => r.Verb == "report-comment"));

        // A member's comment lands on the case with who and when; a retry adds nothing.
        var text = $"Section 2 should say {PanelBot.ChildName} was seen alone at the GP.";
        var done = await CommentAsync(Lola, card, text);
        Assert.Contains("Your comment was recorded", PanelBot.Words(done), StringComparison.Ordinal);
        await CommentAsync(Lola, card, text);
        var comment = Assert.Single(await _bot.EventsAsync<ReportCommentAdded>(code, CaseEventTypes.ReportCommentAdded));
        Assert.Equal(("Lola Adeyemi", 1, text), (comment.Actor.Name, comment.Version, comment.Text));
        Assert.InRange(Assert.Single((await _bot.CaseAsync(code)).ReportComments).At, window.Opens.AddHours(1), window.Opens.AddHours(1).AddMinutes(1));

        // Everyone in the thread sees that Lola commented, and not what she wrote.
        var updated = await _bot.SharedCardAsync(code, json => json.Contains("Comment from Lola Adeyemi at", StringComparison.Ordinal), "the thread card listing Lola's comment");
        Assert.Equal("PUT", updated.Method);
        var channel = _bot.ChannelTraffic();
        Assert.DoesNotContain(PanelBot.ChildName, channel, StringComparison.Ordinal);
        Assert.DoesNotContain("seen alone at the GP", channel, StringComparison.Ordinal);
        Assert.True(_logs.Contains("Comment recorded on the report for case " + code), _logs.ToString());
        Assert.False(_logs.Contains(PanelBot.ChildName), "A log line names the child.");
        Assert.False(_logs.Contains("seen alone at the GP"), "A log line quotes the comment.");

        // The business manager reads the words in her own chat, with who and when.
        await _bot.SayAsync(Bea, "comments " + code);
        var read = await _bot.WaitForPersonalAsync(Bea, $"Comments on version 1 of the report for {code}");
        Assert.Contains("**Lola Adeyemi**", read, StringComparison.Ordinal);
        Assert.Contains("on the report card", read, StringComparison.Ordinal);
        Assert.Contains("seen alone at the GP", read, StringComparison.Ordinal);
        Assert.False(_logs.Contains("seen alone at the GP"), "A log line quotes the comment.");

        // After the window: refused.
        await _bot.JumpAndFireTimersAsync(window.Closes.AddMinutes(1));
        var late = await CommentAsync(Pat, card, "One more thing.");
        Assert.Contains("it has closed", PanelBot.Words(late), StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<ReportCommentAdded>(code, CaseEventTypes.ReportCommentAdded));
    }

    [Fact]
    public async Task A_new_version_gets_its_own_thread_card_and_the_partners_are_asked_again_saying_their_answers_are_void()
    {
        var code = await RapidReviewCaseAsync();
        await AddVersionAsync(code, "v1");
        await _bot!.SayAsync(Bea, "sign-off " + code);
        await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 1");
        var lolaCard = await _bot.Teams.WaitForCallAsync(c => c.Path.StartsWith("/v3/conversations/a:chat-" + Lola.TeamsId, StringComparison.Ordinal) && c.Card?.ToJsonString().Contains("\"verb\":\"sign-off\"", StringComparison.Ordinal) == true, "Lola's sign-off card");
        var action = lolaCard.Card!["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == "sign-off")!;
        var data = (JsonObject)action["data"]!.DeepClone();
        data["comments"] = string.Empty;
        await _bot.InvokeAsync(Lola, "sign-off", data, conversationId: "a:chat-" + Lola.TeamsId);
        Assert.Single((await _bot.CaseAsync(code)).SeatSignOffs);

        await AddVersionAsync(code, "v2");
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow());
        var v2 = PanelBot.Words(await ThreadCardAsync(code, 2));
        Assert.Contains("This version replaces version 1. Sign-offs given on version 1 are void", v2, StringComparison.Ordinal);

        foreach (var person in new[] { Lola, Pat, Hana, Dev })
        {
            await _bot.Teams.WaitForCallAsync(
                c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal) && PanelBot.Words(c.Card).Contains("answers given on version 1 are void", StringComparison.Ordinal) && c.Card!.ToJsonString().Contains("\"version\":\"2\"", StringComparison.Ordinal),
                $"the version 2 sign-off card to {person.Name}");
        }

        // Fired again (a retry, another instance): announced once.
        await _bot.JumpAndFireTimersAsync(_bot.Clock.GetUtcNow().AddMinutes(5));
        Assert.Single(await _bot.EventsAsync<ReportVersionAnnounced>(code, CaseEventTypes.ReportVersionAnnounced), a => a.Version == 2);
        Assert.Single(_bot.Teams.Calls, c => c.Path.StartsWith("/v3/conversations/a:chat-" + Pat.TeamsId, StringComparison.Ordinal) && PanelBot.Words(c.Card).Contains("answers given on version 1 are void", StringComparison.Ordinal));
    }

    private async Task<string> RapidReviewCaseAsync()
    {
        _bot = await PanelBot.StartAsync(azurite, "oldham", StatutoryPanel, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" }, services: s => s.AddSingleton<ILoggerProvider>(_logs));
        foreach (var person in StatutoryPanel)
        {
            await _bot.PersonalInstallAsync(person);
        }

        var code = await _bot.ReferAsync(Bea);
        foreach (var voter in new[] { Lola, Pat, Hana })
        {
            if ((await _bot.CaseAsync(code)).Stage == CaseStage.AwaitingDecision)
            {
                await _bot.VoteAsync(voter, code, "rapid-review", "Serious harm; abuse suspected.");
            }
        }

        return code;
    }

    private async Task AddVersionAsync(string code, string mark)
    {
        var draft = await _bot!.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default);
        var content = mark == "v1" ? draft!.Content : [.. draft!.Content, .. System.Text.Encoding.UTF8.GetBytes(mark)];
        var version = draft with { Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) };
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(version, "author", new Actor(Bea.AadObjectId, Bea.Name, Roles.BusinessManager, null), "Version added.", default);
    }

    private async Task<JsonNode> ThreadCardAsync(string code, int version)
    {
        var call = await _bot!.Teams.WaitForCallAsync(
            c => c.Method == "POST" && !c.Path.Contains("a:chat-", StringComparison.Ordinal) && PanelBot.Words(c.Card).Contains($"Rapid Review report for {code}: version {version}", StringComparison.Ordinal),
            $"the thread card for version {version}");
        return call.Card!;
    }

    private async Task<JsonObject> CommentAsync(Person person, JsonNode card, string text)
    {
        var form = card["actions"]![0]!["card"]!;
        var data = (JsonObject)form["actions"]![0]!["data"]!.DeepClone();
        data["comment"] = text;
        return await _bot!.InvokeAsync(person, "report-comment", data);
    }
}
