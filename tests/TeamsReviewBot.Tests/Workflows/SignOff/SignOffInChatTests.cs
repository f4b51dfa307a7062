using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsReviewBot.Process.Cases;
using TeamsReviewBot.Process.Playbooks;
using TeamsReviewBot.Tests.Infrastructure;
using TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support;
using TeamsReviewBot.Workflows.Report;
using static TeamsReviewBot.Tests.Workflows.ThresholdDecision.Support.Panels;

namespace TeamsReviewBot.Tests.Workflows.SignOff;

/// <summary>
/// The statutory partners' sign-off through /api/messages: "sign-off ‹case›" sends each signing
/// partner and deputy the card in their personal chat; presses on it are recorded on the case once;
/// the playbook's rule records "signed off" the moment it is met; the thread hears the tally.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignOffInChatTests(AzuriteFixture azurite) : IAsyncLifetime
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
    public async Task Oldham_two_of_three_with_a_deputy_after_a_refusal_and_a_new_version_voiding_earlier_sign_offs()
    {
        var code = await RapidReviewCaseAsync("oldham");
        await AddVersionAsync(code, "v1");

        await _bot!.SayAsync(Vic, "sign-off " + code);
        Assert.Contains("Only a business manager", await _bot.WaitForPersonalAsync(Vic, "Only a business manager"), StringComparison.Ordinal);

        await _bot.SayAsync(Bea, "sign-off " + code);
        var sent = await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 1");
        foreach (var name in new[] { "Lola Adeyemi", "Pat Okafor", "Hana Brook", "Dev Shah" })
        {
            Assert.Contains(name, sent, StringComparison.Ordinal);
        }

        var lolaCard = await CardToAsync(Lola, 1);
        Assert.Contains("Report version", PanelBot.Words(lolaCard), StringComparison.Ordinal);

        // Someone who signs nothing is refused in a sentence, and the attempt is on the audit trail.
        var refused = await PressAsync(Vic, lolaCard, "sign-off");
        Assert.Contains("you are not one of them, so nothing was recorded", PanelBot.Words(refused), StringComparison.Ordinal);
        Assert.Single(await _bot.EventsAsync<CardActionRefused>(code, PanelEventTypes.CardActionRefused), r => r.Verb == "sign-off");

        // "Do not sign off" needs a reason.
        var patCard = await CardToAsync(Pat, 1);
        var noReason = await PressAsync(Pat, patCard, "do-not-sign-off");
        Assert.Contains("Please give the reason you do not sign off", PanelBot.Words(noReason), StringComparison.Ordinal);
        Assert.Empty(await _bot.EventsAsync<SignOffRecorded>(code, CaseEventTypes.SignOffRecorded));

        await PressAsync(Pat, patCard, "do-not-sign-off", "The actions table has no owners yet.");
        await PressAsync(Lola, lolaCard, "sign-off");
        Assert.Equal(2, (await _bot.CaseAsync(code)).SeatSignOffs.Count);

        // The author's next version voids both answers; a press on the old card says which version is current.
        await AddVersionAsync(code, "v2");
        Assert.Empty((await _bot.CaseAsync(code)).SeatSignOffs);
        var stale = await PressAsync(Hana, await CardToAsync(Hana, 1), "sign-off");
        Assert.Contains("the report is now at version 2", PanelBot.Words(stale), StringComparison.Ordinal);

        await _bot.SayAsync(Bea, "sign-off " + code);
        await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 2");
        var lolaV2 = await CardToAsync(Lola, 2);
        var activity = Guid.NewGuid().ToString();
        await PressAsync(Lola, lolaV2, "sign-off", activityId: activity);
        await PressAsync(Lola, lolaV2, "sign-off", activityId: activity); // Teams retries the same invoke
        await PressAsync(Lola, lolaV2, "sign-off"); // and a double click
        Assert.Null((await _bot.CaseAsync(code)).SignedOffAt);

        // The deputy fills health's seat: the second of two.
        var done = await PressAsync(Dev, await CardToAsync(Dev, 2), "sign-off-with-comments", "Agreed; section 2.4 could name the GP practice's role.");
        Assert.Contains("Signed off on", PanelBot.Words(done), StringComparison.Ordinal);
        Assert.Contains("Dev Shah (as deputy) signed off with comments", PanelBot.Words(done), StringComparison.Ordinal);

        var late = await PressAsync(Pat, await CardToAsync(Pat, 2), "sign-off");
        Assert.Contains("already signed off", PanelBot.Words(late), StringComparison.Ordinal);

        // Pressing again after the sign-off says what was recorded for the seat, not that it was not needed.
        var again = PanelBot.Words(await PressAsync(Lola, lolaV2, "sign-off"));
        Assert.Contains("Your answer is recorded: signed off version 2 of the report", again, StringComparison.Ordinal);
        Assert.Contains("The report was signed off on", again, StringComparison.Ordinal);
        var lead = PanelBot.Words(await PressAsync(Hana, await CardToAsync(Hana, 2), "sign-off"));
        Assert.Contains("The answer Dev Shah gave for your seat (signed off, with comments, version 2", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("not needed", lead, StringComparison.Ordinal);

        var recorded = await _bot.EventsAsync<SignOffRecorded>(code, CaseEventTypes.SignOffRecorded);
        Assert.Equal(4, recorded.Count); // Pat and Lola on version 1, Lola and Dev on version 2
        Assert.Equal([2, 2], recorded.Skip(2).Select(r => r.Version));
        Assert.Single(await _bot.StreamAsync(code), e => e.Type == CaseEventTypes.SignedOff);

        // The thread has the tally with names and seats, and never the child's details or a reason.
        var thread = _bot.ChannelTraffic();
        Assert.Contains("Lola Adeyemi signed off", thread, StringComparison.Ordinal);
        Assert.Contains("Dev Shah (as deputy) signed off with comments", thread, StringComparison.Ordinal);
        Assert.DoesNotContain("section 2.4 could name", thread, StringComparison.Ordinal);
        Assert.DoesNotContain("The actions table has no owners", thread, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildName, thread, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelBot.ChildAddress, thread, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tameside")]
    [InlineData("gloucestershire")]
    public async Task All_three_partners_must_sign_off(string partnership)
    {
        var code = await RapidReviewCaseAsync(partnership);
        await AddVersionAsync(code, "v1");
        await _bot!.SayAsync(Bea, "sign-off " + code);
        await _bot.WaitForPersonalAsync(Bea, "I sent the sign-off card for version 1");

        await PressAsync(Lola, await CardToAsync(Lola, 1), "sign-off");
        await PressAsync(Pat, await CardToAsync(Pat, 1), "sign-off");
        Assert.Null((await _bot.CaseAsync(code)).SignedOffAt);

        // These partnerships let no deputy sign for a partner: the deputy gets no card, and a press
        // on the lead's card is refused.
        Assert.DoesNotContain(_bot.Teams.Calls, c => c.Path.StartsWith("/v3/conversations/a:chat-" + Dev.TeamsId, StringComparison.Ordinal) && c.Card is not null);
        var deputy = await PressAsync(Dev, await CardToAsync(Hana, 1), "sign-off");
        Assert.Contains("do not let a deputy sign off", PanelBot.Words(deputy), StringComparison.Ordinal);
        Assert.Null((await _bot.CaseAsync(code)).SignedOffAt);

        await PressAsync(Hana, await CardToAsync(Hana, 1), "sign-off");
        if (partnership == "gloucestershire")
        {
            // The three partners have signed; the Business Manager's WT2018 check (seed-004 L133) completes it.
            Assert.Null((await _bot.CaseAsync(code)).SignedOffAt);
            await _bot.SayAsync(Bea, "wt2018 " + code);
            await _bot.WaitForPersonalAsync(Bea, "WT2018");
        }

        Assert.NotNull((await _bot.CaseAsync(code)).SignedOffAt);
    }

    private async Task<string> RapidReviewCaseAsync(string partnership)
    {
        _bot = await PanelBot.StartAsync(azurite, partnership, StatutoryPanel, new Dictionary<string, string?> { ["Timers:PollInterval"] = "01:00:00" });
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

        Assert.Equal(OutcomeKind.RapidReview, (await _bot.CaseAsync(code)).OutcomeKind);
        return code;
    }

    /// <summary>A report version stored as the bot stores one: the generated draft, or a later
    /// version (the author's) whose bytes differ.</summary>
    private async Task AddVersionAsync(string code, string mark)
    {
        var draft = await _bot!.Services.GetRequiredService<ReportDrafts>().GenerateAsync(code, default);
        var content = mark == "v1" ? draft!.Content : [.. draft!.Content, .. System.Text.Encoding.UTF8.GetBytes(mark)];
        var version = draft with { Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) };
        await _bot.Services.GetRequiredService<ReportVersionStore>().AddAsync(version, "author", new Actor("30000000-0000-0000-0000-000000000001", "Bea Manning", Roles.BusinessManager, null), "Version added.", default);
    }

    /// <summary>The latest sign-off card for <paramref name="version"/> in the person's personal chat.</summary>
    private async Task<JsonNode> CardToAsync(Person person, int version)
    {
        var call = await _bot!.Teams.WaitForCallAsync(
            c => c.Path.StartsWith("/v3/conversations/a:chat-" + person.TeamsId, StringComparison.Ordinal)
                && c.Card?.ToJsonString() is { } json && json.Contains("\"verb\":\"sign-off\"", StringComparison.Ordinal) && json.Contains($"\"version\":\"{version}\"", StringComparison.Ordinal),
            $"the sign-off card for version {version} to {person.Name}");
        return _bot.Teams.Calls.Last(c => c.Path == call.Path && c.Card?.ToJsonString().Contains($"\"version\":\"{version}\"", StringComparison.Ordinal) == true).Card!;
    }

    private async Task<JsonObject> PressAsync(Person person, JsonNode card, string choice, string comments = "", string? activityId = null)
    {
        var action = card["actions"]!.AsArray().First(a => a!["data"]!["choice"]!.GetValue<string>() == choice)!;
        var data = (JsonObject)action["data"]!.DeepClone();
        data["comments"] = comments;
        return await _bot!.InvokeAsync(person, "sign-off", data, conversationId: "a:chat-" + person.TeamsId, activityId: activityId);
    }
}
